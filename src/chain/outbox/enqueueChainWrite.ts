import type { Db } from '../../db/openDatabase.ts';
import type { ChainWrite } from './chainWrites.ts';

/**
 * Records a chain write in the caller's transaction, so it commits or rolls back with the
 * domain change that implies it. The same `dedupeKey` twice is one row: replays are harmless.
 */
export async function enqueueChainWrite(db: Db, write: ChainWrite): Promise<void> {
  await db`
    insert into chain_outbox (kind, dedupe_key, payload)
    values (${write.kind}, ${write.dedupeKey}, ${JSON.stringify(write.payload)}::text::jsonb)
    on conflict (dedupe_key) do nothing`;
}
