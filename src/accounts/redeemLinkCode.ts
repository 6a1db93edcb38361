import { z } from 'zod';
import type { Db } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { availableAccountOf } from '../ledger/availableAccountOf.ts';
import { closeLedgerAccount, holdsFundsBesidesAvailable, lockBalance } from '../ledger/ledgerStore.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { accountsWithWallet } from './accountStore.ts';
import { hashLinkCode } from './createLinkCode.ts';
import { identitySchema } from './identity.ts';

const params = z.object({ identity: identitySchema, code: z.string().trim().min(6).max(32) });
export interface RedeemLinkCodeResult {
  accountId: string;
  /** True when the identity was already on that account (nothing changed). */
  alreadyLinked: boolean;
}

/**
 * Joins `identity` to the account that issued the code. If the identity already has an account
 * of its own, that account must own nothing but a spendable balance: its identities, keys, roles
 * and balance move over in this transaction, its ledger account is closed (it can never be
 * credited again) and it is marked merged. An account that owns anything else (models, training
 * runs, calls and their reservations, contributions, votes, stakes, datanets, rewards) is not
 * merged: those rows would keep paying the old account, so the merge is refused and says why.
 */
export async function redeemLinkCode(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<RedeemLinkCodeResult> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const [code] = await tx<
      { account_id: string; expires_at: Date; used_at: Date | null; used_by_identity: string | null }[]
    >`
      select account_id, expires_at, used_at, used_by_identity from link_codes
      where code_hash = ${hashLinkCode(p.code)} for update`;
    // The one-time code is the call's idempotency key: the same identity redeeming it again (a
    // retried /link) gets the same account back and changes nothing; anyone else finds it used.
    if (code?.used_at && code.used_by_identity === p.identity) {
      return { accountId: code.account_id, alreadyLinked: true };
    }
    if (!code || code.used_at || code.expires_at.getTime() <= deps.now().getTime()) {
      throw new AppError(
        'EXPIRED',
        'That link code is invalid, used or expired. Ask for a new one with /link.',
      );
    }
    const target = code.account_id;
    await tx`update link_codes set used_at = ${deps.now()}, used_by_identity = ${p.identity} where code_hash = ${hashLinkCode(p.code)}`;
    const [current] = await tx<
      { account_id: string }[]
    >`select account_id from identities where identity = ${p.identity}`;
    if (!current) {
      await tx`insert into identities (identity, account_id) values (${p.identity}, ${target})`;
      return { accountId: target, alreadyLinked: false };
    }
    const source = current.account_id;
    if (source === target) return { accountId: target, alreadyLinked: true };

    // Locks the account against a concurrent merge; its ledger row is locked below.
    await tx`select id from accounts where id = ${source} for update`;
    const owned = await ownedBy(tx, source);
    if (owned.length > 0) {
      throw new AppError(
        'CONFLICT',
        `This account already has ${owned.join(', ')}, so it cannot be merged: they would keep paying the old account. Create the code from this account and redeem it from the other one instead.`,
        { owns: owned },
      );
    }
    const wallets = await accountsWithWallet(tx, [source, target]);
    if (new Set(wallets).size > 1) {
      throw new AppError('CONFLICT', 'Both accounts have a linked wallet. Unlink one wallet first.');
    }
    const fromLedger = await availableAccountOf(tx, source);
    // Locked, so no credit lands between reading the balance and closing the account.
    const balance = await lockBalance(tx, fromLedger);
    if (balance > 0n) {
      await postTransaction(tx, {
        kind: 'account_merge',
        memo: { from: source, to: target },
        legs: [
          { ledgerAccountId: fromLedger, amount: -balance },
          { ledgerAccountId: await availableAccountOf(tx, target), amount: balance },
        ],
      });
    }
    await closeLedgerAccount(tx, fromLedger);
    for (const table of MOVED) {
      await tx.unsafe(`update ${table} set account_id = $1 where account_id = $2`, [target, source]);
    }
    // Wallet links in progress were signed for the old account: they start again on the new one
    // (a bot's own record of one, such as Telegram's, names the old account and is ignored).
    await tx`delete from wallet_link_nonces where account_id = ${source} and used_at is null`;
    // The bots' language follows the person, unless the surviving account already chose one.
    await tx`update accounts set language = coalesce(language, (select language from accounts where id = ${source}))
      where id = ${target}`;
    await tx`update accounts set merged_into = ${target} where id = ${source} or merged_into = ${source}`;
    deps.log.info('accounts merged', { from: source, to: target });
    return { accountId: target, alreadyLinked: false };
  });
}

/** Rows that follow the person to the surviving account (who they are, not what they own). */
const MOVED = ['identities', 'api_keys', 'account_roles', 'wallet_links', 'link_codes'];
/** Rows that may stay with the merged account: history, or resolved through `merged_into`. */
const LEFT = new Set([
  ...MOVED,
  'accounts',
  'ledger_accounts',
  'idempotency_records',
  'account_refs',
  'chain_deposits',
  'wallet_link_nonces',
  'telegram_pending_wallet_links',
]);
const LABELS: Record<string, string> = {
  models: 'models',
  training_runs: 'training runs',
  inference_calls: 'model calls (or open reservations)',
  contributions: 'contributions',
  votes: 'votes',
  validator_stakes: 'validator stakes',
  datanets: 'datanets',
  reward_commitments: 'rewards',
};

/**
 * What the account owns, found from every foreign key to accounts: a table added later blocks
 * merges until it is listed above, rather than being left behind with the old account.
 */
async function ownedBy(tx: Db, accountId: string): Promise<string[]> {
  const refs = await tx<{ tbl: string; col: string }[]>`
    select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'accounts'::regclass and cardinality(c.conkey) = 1
    order by 1, 2`;
  const owned: string[] = [];
  for (const { tbl, col } of refs) {
    if (LEFT.has(tbl)) continue;
    const [hit] = await tx.unsafe(`select 1 from ${tbl} where ${col} = $1 limit 1`, [accountId]);
    if (hit) owned.push(LABELS[tbl] ?? tbl.replaceAll('_', ' '));
  }
  // Any balance besides the spendable one (which moves) is held for something in progress.
  if (await holdsFundsBesidesAvailable(tx, accountId)) owned.push('funds held for something in progress');
  return [...new Set(owned)];
}
