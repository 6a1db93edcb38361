import type { Deps } from '../shared/deps.ts';

/** Keeps the last failure on the row (it stays pending: the escrow is never paid out by a failure). */
export async function recordAttributionFailure(
  deps: Deps,
  input: { callId: string; reason: string },
): Promise<void> {
  await deps.sql`
    update attribution_settlements set error = ${input.reason.slice(0, 2000)}
    where call_id = ${input.callId} and status = 'pending'`;
}
