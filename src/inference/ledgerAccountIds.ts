import { AppError } from '../errors.ts';
import { ensureAvailableAccounts } from '../ledger/ledgerStore.ts';
import type { Deps } from '../shared/deps.ts';

/**
 * The spendable ledger account of each account, created for those that never held a balance (a
 * developer or validator paid for the first time). Legs can then name ledger accounts directly,
 * and a batch can lock them all in id order up front. Runs outside any transaction, so what it
 * caches has been committed.
 */
export async function ledgerAccountIds(
  deps: Deps,
  accountIds: readonly string[],
): Promise<Map<string, string>> {
  // The mapping never changes once made, so the app remembers it (InferenceMemory).
  const known = deps.inference.ledgerAccounts;
  const missing = [...new Set(accountIds)].filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows = await ensureAvailableAccounts(deps.sql, missing);
    if (known.size > 500_000) known.clear();
    for (const r of rows) known.set(r.owner_account_id, r.id);
  }
  return new Map(accountIds.map((id) => [id, known.get(id)!]));
}

export const ESCROW_SHARDS = 128;

/** The escrow account holding a call's reserved fee (shards made by migrations 0007 and 0025). */
export function inferenceEscrowOf(deps: Deps, callId: string): string {
  const name = `inference_escrow_${Number(BigInt(callId) % BigInt(ESCROW_SHARDS))}`;
  const id = (deps.system as Record<string, string>)[name];
  if (!id) throw new AppError('INTERNAL', `System account ${name} is missing; run the migrations.`);
  return id;
}

/** Where the data share of neural answers waits for their influence (see migration 0012). */
export function attributionEscrowOf(deps: Deps): string {
  const id = (deps.system as Record<string, string>).attribution_escrow;
  if (!id)
    throw new AppError('INTERNAL', 'System account attribution_escrow is missing; run the migrations.');
  return id;
}
