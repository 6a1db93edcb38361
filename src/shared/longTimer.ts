/**
 * Node keeps timer delays in a signed 32-bit millisecond count: a delay above 2^31−1 ms (~24.8 days)
 * is replaced by 1 ms, so a long interval fires every millisecond. These timers wait in chunks no
 * longer than that, so any delay the configuration allows is honoured as given.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongTimer {
  /** Cancels the wait (and, for an interval, every later one). */
  clear(): void;
  /** Lets the process exit while only this timer is pending, like Timeout#unref. */
  unref(): LongTimer;
}

/** Calls `fn` once after `ms` milliseconds, for any `ms` (Infinity: never). */
export function setLongTimeout(fn: () => void, ms: number): LongTimer {
  return schedule(fn, ms, false);
}

/** Calls `fn` every `ms` milliseconds, for any `ms` ≥ 1. */
export function setLongInterval(fn: () => void, ms: number): LongTimer {
  return schedule(fn, ms, true);
}

/** Resolves after `ms` milliseconds, for any `ms`; rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      timer.clear();
      reject(signal?.reason);
    };
    const timer = setLongTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function schedule(fn: () => void, ms: number, repeat: boolean): LongTimer {
  const total = Number.isNaN(ms) ? 0 : Math.max(repeat ? 1 : 0, ms);
  let current: NodeJS.Timeout | undefined;
  let cleared = false;
  let unrefed = false;
  const wait = (remaining: number) => {
    if (cleared || remaining === Number.POSITIVE_INFINITY) return;
    const chunk = Math.min(remaining, MAX_TIMER_MS);
    current = setTimeout(() => {
      if (remaining > chunk) return wait(remaining - chunk);
      // Re-arm before calling, so an interval whose callback throws still keeps its rhythm.
      if (repeat) wait(total);
      fn();
    }, chunk);
    if (unrefed) current.unref();
  };
  wait(total);
  const handle: LongTimer = {
    clear() {
      cleared = true;
      clearTimeout(current);
    },
    unref() {
      unrefed = true;
      current?.unref();
      return handle;
    },
  };
  return handle;
}
