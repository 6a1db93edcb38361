import type { Db } from '../../db/openDatabase.ts';

export type ChainWriteKind =
  | 'register_datanet'
  | 'anchor_contributions'
  | 'anchor_validations'
  | 'register_model'
  | 'anchor_receipts'
  | 'post_reward_epoch'
  // Embedded chain only: mints the tokens an epoch newly committed into the vault, so claims can be paid.
  | 'fund_vault';

/**
 * Records a chain write in the caller's transaction, so it commits or rolls back with the
 * domain change that implies it. The same `dedupeKey` twice is one row: replays are harmless.
 */
export async function enqueueChainWrite(
  db: Db,
  write: { kind: ChainWriteKind; dedupeKey: string; payload: Record<string, unknown> },
): Promise<void> {
  await db`
    insert into chain_outbox (kind, dedupe_key, payload)
    values (${write.kind}, ${write.dedupeKey}, ${JSON.stringify(write.payload)}::text::jsonb)
    on conflict (dedupe_key) do nothing`;
}
