import { embeddedChainHolder } from '../chain/claimEmbeddedChain.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { type DoctorCheck, reason } from './doctorCheck.ts';

const name = 'chain writer';

/**
 * On a shared PostgreSQL without CHAIN_RPC_URL only one process may run the embedded chain (see
 * claimEmbeddedChain): say whether one does now, so an operator knows whether the next `start` will.
 */
export async function checkChainWriter(config: Config): Promise<DoctorCheck | null> {
  if (config.chain.rpcUrl) {
    return {
      name,
      ready: true,
      detail: 'CHAIN_RPC_URL: every process shares that chain (no embedded chain is started)',
    };
  }
  if (!config.databaseUrl) return null;
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, maxConnections: 1 });
    try {
      const holder = await embeddedChainHolder(db.sql);
      return {
        name,
        ready: true,
        detail: holder
          ? `the embedded chain is run by database session ${holder.pid} (${holder.application || 'unnamed'}); any other process that starts one on this database is refused`
          : 'the embedded chain is free: the next potluck start on this database runs it, a second one is refused',
        fix: 'more than one service process? run `potluck chain` once and set CHAIN_RPC_URL on every process',
      };
    } finally {
      await db.close();
    }
  } catch (error) {
    return { name, ready: true, detail: `not read: ${reason(error)}` };
  }
}
