import type { Deps } from '../shared/deps.ts';
import { type SettleEpochResult, settleEpoch } from './settleEpoch.ts';

/** Which EPOCH_SECONDS slot `date` falls in; slots are aligned to the Unix epoch, so hourly epochs turn on the hour. */
function slotOf(deps: Deps, date: Date): number {
  return Math.floor(date.getTime() / 1000 / deps.config.epochSeconds);
}

/**
 * Whether the epoch clock has turned since the last settlement (or none was ever made): the slot
 * now, or null when this slot already has its settlement.
 */
export async function dueEpochSlot(deps: Deps): Promise<number | null> {
  const slot = slotOf(deps, deps.now());
  const [last] = await deps.sql<{ settled_at: Date }[]>`
    select settled_at from reward_epochs order by epoch desc limit 1`;
  return !last || slotOf(deps, last.settled_at) < slot ? slot : null;
}

/**
 * The scheduled settlement: settles an epoch once per EPOCH_SECONDS slot. Run at each slot boundary
 * and at boot (a boundary may have passed while nothing ran); running it again in a slot that
 * already settled does nothing, so a repeated or doubled tick is harmless.
 */
export async function settleDueEpoch(deps: Deps): Promise<SettleEpochResult | null> {
  if ((await dueEpochSlot(deps)) === null) return null;
  return settleEpoch(deps);
}
