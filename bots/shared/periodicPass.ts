/**
 * Runs `pass` every `everyMs` (0: only when `tick` is called), one pass at a time: a slow pass and
 * the next timer must not both send. The timer never keeps the process alive; `stop` waits for a
 * pass in flight. The bots' notifiers share it.
 */
export function startPeriodicPass<T>(
  pass: () => Promise<T>,
  everyMs: number,
  onError: (error: unknown) => void,
): { tick(): Promise<T>; stop(): Promise<void> } {
  let running: Promise<T> | null = null;
  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = everyMs > 0 ? setInterval(() => tick().catch(onError), everyMs) : null;
  timer?.unref();
  return {
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
