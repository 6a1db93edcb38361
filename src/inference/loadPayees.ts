import type { Sql } from '../db/openDatabase.ts';
import type { Payee } from './splitFee.ts';

// An approved contribution's contributor and votes never change (votes close with the decision),
// so payees are cached per database; the bound only keeps memory in check.
const cache = new WeakMap<Sql, Map<string, Payee>>();
const MAX_CACHED = 200_000;

/** Contributor and approving validators (with vote weights) of each contribution. */
export async function loadPayees(sql: Sql, contributionIds: readonly string[]): Promise<Map<string, Payee>> {
  let known = cache.get(sql);
  if (!known) {
    known = new Map();
    cache.set(sql, known);
  }
  const out = new Map<string, Payee>();
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
  const rows = await sql<{ id: string; contributor_account_id: string; approvers: [string, string][] }[]>`
    select c.id, coalesce(ca.merged_into, ca.id) as contributor_account_id,
      coalesce(json_agg(json_build_array(coalesce(va.merged_into, va.id)::text, v.weight::text)
        order by v.validator_account_id) filter (where v.approve), '[]') as approvers
    from contributions c join accounts ca on ca.id = c.contributor_account_id
      left join votes v on v.contribution_id = c.id
      left join accounts va on va.id = v.validator_account_id
    where c.id = any(${missing}::bigint[]) and c.status = 'approved'
    group by c.id, ca.id`;
  if (known.size + rows.length > MAX_CACHED) known.clear();
  for (const r of rows) {
    const payee: Payee = {
      contributorAccountId: r.contributor_account_id,
      approvers: r.approvers.map(([accountId, weight]) => ({ accountId, weight: BigInt(weight) })),
    };
    known.set(r.id, payee);
    out.set(r.id, payee);
  }
  return out;
}
