import { runOutboxOnce } from '../anchoring/runOutboxOnce.ts';
import { settleEpoch } from '../rewards/settleEpoch.ts';
import { syncVaultEvents } from '../rewards/syncVaultEvents.ts';
import type { Deps } from '../shared/deps.ts';

export interface ChainLoop {
  /** Stops after the pass in progress, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * The in-process chain worker of `potluck start`: every CHAIN_POLL_MS one outbox pass and one vault
 * event sync, and an epoch settlement once per EPOCH_SECONDS slot (slots are aligned to the epoch
 * clock, so hourly epochs settle on the hour). A failed pass is logged and the next one tries again;
 * everything it does is safe to repeat.
 */
export function startChainLoop(deps: Deps): ChainLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let settledSlot = -1;
  const slotOf = (date: Date) => Math.floor(date.getTime() / 1000 / deps.config.epochSeconds);

  const pass = async () => {
    try {
      await runOutboxOnce(deps);
      await syncVaultEvents(deps);
      const slot = slotOf(deps.now());
      if (slot !== settledSlot) {
        const [last] = await deps.sql<{ settled_at: Date }[]>`
          select settled_at from reward_epochs order by epoch desc limit 1`;
        if (!last || slotOf(last.settled_at) < slot) await settleEpoch(deps);
        settledSlot = slot;
      }
    } catch (error) {
      deps.log.error('chain worker pass failed', { error });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(schedule);
    }, deps.config.chain.pollMs);
  };
  running = pass().then(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
