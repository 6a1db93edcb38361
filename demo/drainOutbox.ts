import { anchorQueueDepth } from '../src/anchoring/anchoringStore.ts';
import type { App } from '../src/app.ts';
import { unconfirmedOutbox } from '../src/chain/chainStore.ts';

/**
 * Sends everything the chain outbox holds, now. `potluck start` runs the same passes on a timer;
 * the demo runs them at once (cutting batches whatever their size) so each step shows its proof.
 */
export async function drainOutbox(app: App, passes = 20): Promise<void> {
  for (let i = 0; i < passes; i++) {
    await app.chain.runOutboxOnce({ forceBatches: true });
    const outbox = await unconfirmedOutbox(app.deps.sql);
    if (outbox.count + (await anchorQueueDepth(app.deps.sql)) === 0) return;
  }
  throw new Error('The chain outbox did not drain; is the embedded chain running?');
}
