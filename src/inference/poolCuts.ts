import { poolAccountsOf } from '../ledger/ledgerStore.ts';
import type { Deps } from '../shared/deps.ts';

export interface PoolCut {
  poolId: string;
  bps: bigint;
}

/** Each datanet's reward pool account, which never changes once made with the datanet (remembered). */
export async function poolAccountIds(
  deps: Deps,
  datanetIds: readonly string[],
): Promise<Map<string, string>> {
  const known = deps.inference.poolAccounts;
  const missing = datanetIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    if (known.size > 100_000) known.clear();
    for (const [datanetId, poolId] of await poolAccountsOf(deps.sql, missing)) known.set(datanetId, poolId);
  }
  const out = new Map<string, string>();
  for (const id of datanetIds) {
    const poolId = known.get(id);
    if (poolId !== undefined) out.set(id, poolId);
  }
  return out;
}

/** The part of the protocol cut that refills the datanet's validation reward pool (issue 16). */
export function poolCutOf(
  pools: Map<string, string>,
  bps: Map<string, number>,
  datanetId: string,
): PoolCut | undefined {
  const poolId = pools.get(datanetId);
  const cut = bps.get(datanetId);
  return poolId !== undefined && cut !== undefined ? { poolId, bps: BigInt(cut) } : undefined;
}
