import type { App } from '../src/app.ts';

/**
 * Sends everything the chain outbox holds, now. `potluck start` runs the same passes on a timer;
 * the demo runs them at once (cutting batches whatever their size) so each step shows its proof.
 */
export async function drainOutbox(app: App, passes = 20): Promise<void> {
  for (let i = 0; i < passes; i++) {
    await app.chain.runOutboxOnce({ forceBatches: true });
    const [left] = await app.deps.sql<{ n: string }[]>`
      select (select count(*) from chain_outbox where status in ('pending', 'submitted'))
        + (select count(*) from contribution_anchor_queue)
        + (select count(*) from validation_anchor_queue) as n`;
    if (Number(left.n) === 0) return;
  }
  throw new Error('The chain outbox did not drain; is the embedded chain running?');
}
