import { survivingAccountExpr } from '../accounts/accountStore.ts';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import type { Sql } from '../db/openDatabase.ts';
import type { Deps } from '../shared/deps.ts';
import { goldVotesTable, votesTable } from '../validation/validationStore.ts';
import { goldCutoff } from '../validation/validatorRecords.ts';
import type { KnownPayee } from './inferenceMemory.ts';
import type { Payee } from './splitFee.ts';

type Known = KnownPayee;

// An approved contribution's contributor and votes never change (votes close with the decision),
// so the app remembers payees (InferenceMemory); the bound only keeps memory in check. Gold
// standing does change, so suspended approvers are dropped per call, after the cache.
const MAX_CACHED = 200_000;

/**
 * Contributor and approving validators (with vote weights) of each contribution. Approvers below
 * their datanet's gold threshold at `now` are left out, as decision rewards leave them out: their
 * part goes to the other approvers, or with none left, wherever splitFee sends an unowned part.
 */
export async function loadPayees(
  deps: Deps,
  contributionIds: readonly string[],
  now: Date,
): Promise<Map<string, Payee>> {
  const known = await loadKnown(deps.sql, deps.inference.payees, contributionIds);
  const suspended = await suspendedApprovers(deps.sql, [...known.values()], now);
  if (suspended.size === 0) return known;
  const out = new Map<string, Payee>();
  for (const [id, p] of known)
    out.set(id, {
      ...p,
      approvers: p.approvers.filter((a) => !suspended.has(`${p.datanetId}:${a.accountId}`)),
    });
  return out;
}

/** `datanet:account` of each approver below its datanet's gold threshold (the rule in goldStanding). */
async function suspendedApprovers(sql: Sql, payees: Known[], now: Date): Promise<Set<string>> {
  const accounts = [...new Set(payees.flatMap((p) => p.approvers.map((a) => a.accountId)))];
  if (accounts.length === 0) return new Set();
  const datanets = [...new Set(payees.map((p) => p.datanetId))];
  const rows = await sql<{ datanet_id: string; account_id: string }[]>`
    select gv.datanet_id, gv.validator_account_id as account_id
    from ${goldVotesTable(sql)} gv join ${datanetsTable(sql)} d on d.id = gv.datanet_id
    where gv.validator_account_id = any(${accounts}::bigint[]) and gv.datanet_id = any(${datanets}::bigint[])
      and gv.created_at < ${goldCutoff(now)}
    group by gv.datanet_id, gv.validator_account_id, d.gold_min_answers, d.gold_min_accuracy_bps
    having count(*) >= d.gold_min_answers
      and count(*) filter (where gv.correct) * 10000 < d.gold_min_accuracy_bps * count(*)`;
  return new Set(rows.map((r) => `${r.datanet_id}:${r.account_id}`));
}

async function loadKnown(
  sql: Sql,
  known: Map<string, Known>,
  contributionIds: readonly string[],
): Promise<Map<string, Known>> {
  const out = new Map<string, Known>();
  const missing: string[] = [];
  for (const id of contributionIds) {
    const payee = known.get(id);
    if (payee) out.set(id, payee);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  // Payees are the accounts that survive a link-code merge: a merged-away account is never paid
  // (its ledger account is closed; merges refuse accounts with contributions or votes, and this
  // covers one that raced the merge).
  const rows = await sql<
    { id: string; datanet_id: string; contributor_account_id: string; approvers: [string, string][] }[]
  >`
    select c.id, c.datanet_id, ${survivingAccountExpr(sql, sql`c.contributor_account_id`)} as contributor_account_id,
      coalesce(json_agg(json_build_array(${survivingAccountExpr(sql, sql`v.validator_account_id`)}::text, v.weight::text)
        order by v.validator_account_id) filter (where v.approve), '[]') as approvers
    from ${contributionsTable(sql)} c
      left join ${votesTable(sql)} v on v.contribution_id = c.id
    where c.id = any(${missing}::bigint[]) and c.status = 'approved'
    group by c.id`;
  if (known.size + rows.length > MAX_CACHED) known.clear();
  for (const r of rows) {
    const payee: Known = {
      datanetId: r.datanet_id,
      contributorAccountId: r.contributor_account_id,
      approvers: r.approvers.map(([accountId, weight]) => ({ accountId, weight: BigInt(weight) })),
    };
    known.set(r.id, payee);
    out.set(r.id, payee);
  }
  return out;
}
