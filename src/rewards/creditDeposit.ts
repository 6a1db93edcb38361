import type postgres from 'postgres';
import type { Address, Hex } from 'viem';
import { accountsTable } from '../accounts/accountStore.ts';
import { accountRefsTable } from '../anchoring/anchoringStore.ts';
import { recordAccountRefs } from '../anchoring/recordAccountRefs.ts';
import { availableAccountOf } from '../ledger/availableAccountOf.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';

export interface DepositEvent {
  txHash: Hex;
  logIndex: number;
  blockNumber: bigint;
  accountRef: Hex;
  from: Address;
  amount: bigint;
}

/**
 * Credits one vault Deposited log to the account its ref names, exactly once: the (chain, tx hash, log
 * index) row and the ledger idempotency key both refuse a second credit. Call inside the transaction
 * that also advances the event cursor. A ref that names no account is kept as 'unmatched' (the tokens
 * are in the vault; an operator can resolve it) rather than blocking later events.
 */
export async function creditDeposit(
  tx: postgres.TransactionSql,
  deps: Deps,
  chainKey: string,
  event: DepositEvent,
): Promise<'credited' | 'unmatched' | 'already'> {
  // A fee-on-transfer token can deliver nothing; there is nothing to credit, and nothing to block on.
  if (event.amount <= 0n) return 'already';
  const ref = event.accountRef.toLowerCase();
  let accountId = await accountOfRef(tx, ref);
  if (!accountId) {
    // Refs are stored lazily; an account that never contributed may not have one yet.
    const missing = await tx<{ id: string }[]>`
      select a.id from ${accountsTable(tx)} a where not exists (select 1 from ${accountRefsTable(tx)} r where r.account_id = a.id)`;
    await recordAccountRefs(
      tx,
      missing.map((m) => m.id),
    );
    accountId = await accountOfRef(tx, ref);
  }
  const inserted = await tx`
    insert into chain_deposits (chain_key, tx_hash, log_index, block_number, account_ref, from_address, amount,
      account_id, status)
    values (${chainKey}, ${event.txHash.toLowerCase()}, ${event.logIndex}, ${event.blockNumber.toString()}, ${ref},
      ${event.from.toLowerCase()}, ${event.amount.toString()}, ${accountId}, ${accountId ? 'credited' : 'unmatched'})
    on conflict do nothing returning 1`;
  if (inserted.length === 0) return 'already';
  if (!accountId) {
    deps.log.warn('deposit names no account', { txHash: event.txHash, accountRef: ref });
    return 'unmatched';
  }
  const { txId } = await postTransaction(tx, {
    kind: 'deposit',
    idempotencyKey: `deposit:${chainKey}:${event.txHash.toLowerCase()}:${event.logIndex}`,
    memo: { txHash: event.txHash, logIndex: event.logIndex, from: event.from.toLowerCase() },
    legs: [
      { ledgerAccountId: deps.system.deposits, amount: -event.amount },
      { ledgerAccountId: await availableAccountOf(tx, accountId), amount: event.amount, role: 'depositor' },
    ],
  });
  await tx`
    update chain_deposits set ledger_tx_id = ${txId}
    where chain_key = ${chainKey} and tx_hash = ${event.txHash.toLowerCase()} and log_index = ${event.logIndex}`;
  deps.log.info('deposit credited', { accountId, amount: event.amount, txHash: event.txHash });
  return 'credited';
}

/** The live account behind a ref: a merged account's deposits go to the account it was merged into. */
async function accountOfRef(tx: postgres.TransactionSql, ref: string): Promise<string | null> {
  const [row] = await tx<{ account_id: string }[]>`
    with recursive chain(id, merged_into, depth) as (
      select a.id, a.merged_into, 0 from ${accountRefsTable(tx)} r join ${accountsTable(tx)} a on a.id = r.account_id where r.ref = ${ref}
      union all
      select a.id, a.merged_into, c.depth + 1 from chain c join ${accountsTable(tx)} a on a.id = c.merged_into where c.depth < 10
    )
    select id as account_id from chain where merged_into is null limit 1`;
  return row?.account_id ?? null;
}
