import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../shared/createLogger.ts';
import type { Deps } from '../shared/deps.ts';
import { InProcessQueue } from './inProcessQueue.ts';
import type { JobDefinition } from './jobDefinition.ts';
import { type JobContext, RetryLaterError } from './jobQueue.ts';

const deps = { config: loadConfig({}) } as Deps;
const settings = { concurrency: 2, attempts: 3, backoffMs: 5, log: createLogger('silent') };

function definition(
  process: (payload: { runId: string }, ctx: JobContext) => Promise<unknown>,
  extra: Partial<JobDefinition<'training.run'>> = {},
): JobDefinition<'training.run'> & { failures: string[] } {
  const failures: string[] = [];
  return {
    name: 'training.run',
    schema: z.object({ runId: z.string() }),
    process: (_deps, payload, ctx) => process(payload, ctx),
    onFailed: async (_deps, payload, error) => void failures.push(`${payload.runId}: ${error.message}`),
    failures,
    ...extra,
  };
}

describe('InProcessQueue', () => {
  it('runs each job id once while it is pending or running', async () => {
    const q = new InProcessQueue(settings);
    const ran: string[] = [];
    await q.start(deps, [definition(async (p) => void ran.push(p.runId))], { exclusive: true });
    await Promise.all([
      q.enqueue('training.run', { runId: 'a' }, { jobId: 'job-a' }),
      q.enqueue('training.run', { runId: 'a' }, { jobId: 'job-a' }),
      q.enqueue('training.run', { runId: 'b' }, { jobId: 'job-b' }),
    ]);
    await q.idle();
    expect(ran.sort()).toEqual(['a', 'b']);
    await q.enqueue('training.run', { runId: 'a' }, { jobId: 'job-a' });
    await q.idle();
    expect(ran).toHaveLength(3);
    await q.close();
  });

  it('retries transient failures with backoff and gives up after the last attempt', async () => {
    const q = new InProcessQueue(settings);
    const attempts: number[] = [];
    const flaky = definition(async (p, ctx) => {
      attempts.push(ctx.attempt);
      if (p.runId === 'never' || ctx.attempt < 2) throw new Error(`boom ${ctx.attempt}`);
    });
    await q.start(deps, [flaky], { exclusive: true });
    await q.enqueue('training.run', { runId: 'once' }, { jobId: 'once' });
    await expect.poll(() => attempts).toEqual([1, 2]);
    await q.enqueue('training.run', { runId: 'never' }, { jobId: 'never' });
    await expect.poll(() => flaky.failures).toEqual(['never: boom 3']);
    expect(attempts).toEqual([1, 2, 1, 2, 3]);
    await q.close();
  });

  it('does not retry permanent failures, and waits out RetryLaterError without spending an attempt', async () => {
    const q = new InProcessQueue(settings);
    let calls = 0;
    const def = definition(async (p, ctx) => {
      calls++;
      if (p.runId === 'bad') throw new AppError('NOT_FOUND', 'no such run');
      if (calls < 4) throw new RetryLaterError(5, 'busy');
      expect(ctx.attempt).toBe(1);
    });
    await q.start(deps, [def], { exclusive: true });
    await q.enqueue('training.run', { runId: 'bad' }, { jobId: 'bad' });
    await expect.poll(() => def.failures).toEqual(['bad: no such run']);
    await q.enqueue('training.run', { runId: 'later' }, { jobId: 'later' });
    await expect.poll(() => calls).toBe(4);
    await q.idle();
    expect(def.failures).toHaveLength(1);
    await q.close();
  });

  it('picks up recovered work at start, and on close aborts running jobs and waits for them', async () => {
    const q = new InProcessQueue(settings);
    let aborted = false;
    const def = definition(
      (_p, ctx) =>
        new Promise<void>((resolve) =>
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
      { recover: async () => [{ payload: { runId: 'left-running' }, jobId: 'r1' }] },
    );
    await q.start(deps, [def], { exclusive: true });
    await q.close();
    expect(aborted).toBe(true);
    expect(def.failures).toEqual([]);
    await expect(q.enqueue('training.run', { runId: 'x' }, { jobId: 'x' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('honours a 30-day EPOCH_SECONDS: the periodic job waits the whole epoch, not one millisecond', async () => {
    vi.useFakeTimers();
    try {
      const day = 86_400_000;
      const longEpoch = { config: loadConfig({ EPOCH_SECONDS: String(30 * 86_400) }) } as Deps;
      const q = new InProcessQueue(settings);
      let runs = 0;
      const def = definition(async () => void runs++, {
        schema: z.object({}) as never,
        everyMs: (config) => config.epochSeconds * 1000,
      });
      await q.start(longEpoch, [def], { exclusive: true });
      await vi.advanceTimersByTimeAsync(1000);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(30 * day - 1001);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(30 * day);
      expect(runs).toBe(2);
      await q.close();
    } finally {
      vi.useRealTimers();
    }
  });
  it('puts clock-aligned ticks on the epoch boundaries, whenever it starts', async () => {
    vi.useFakeTimers();
    try {
      const hour = 3_600_000;
      vi.setSystemTime(new Date('2026-01-01T10:20:00Z'));
      const ran: string[] = [];
      const def = definition(async () => void ran.push(new Date().toISOString()), {
        schema: z.object({}) as never,
        everyMs: () => hour,
        alignToClock: true,
      });
      const q = new InProcessQueue(settings);
      await q.start(deps, [def], { exclusive: true });
      // Started at 10:20: the first tick is at 11:00, not at 11:20.
      await vi.advanceTimersByTimeAsync(40 * 60_000 - 1);
      expect(ran).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(ran).toEqual(['2026-01-01T11:00:00.000Z']);
      await vi.advanceTimersByTimeAsync(hour);
      expect(ran).toEqual(['2026-01-01T11:00:00.000Z', '2026-01-01T12:00:00.000Z']);
      await q.close();
      await vi.advanceTimersByTimeAsync(2 * hour);
      expect(ran).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries a job only its own number of times, and leaves chain jobs alone without a chain', async () => {
    const tries: string[] = [];
    const once = definition(
      async (p) => {
        tries.push(p.runId);
        throw new Error('chain unreachable');
      },
      { attempts: 1 },
    );
    const q = new InProcessQueue(settings);
    await q.start(deps, [once], { exclusive: true });
    await q.enqueue('training.run', { runId: 'tick' }, { jobId: 'tick' });
    await q.idle();
    expect(tries).toEqual(['tick']);
    expect(once.failures).toEqual(['tick: chain unreachable']);
    await q.close();

    vi.useFakeTimers();
    try {
      let ticks = 0;
      const chained = definition(async () => void ticks++, {
        schema: z.object({}) as never,
        needsChain: true,
        everyMs: () => 1000,
        recover: async () => [{ payload: { runId: 'boot' }, jobId: 'boot' }],
      });
      const without = new InProcessQueue(settings);
      await without.start(deps, [chained], { exclusive: true });
      await vi.advanceTimersByTimeAsync(5000);
      expect(ticks).toBe(0);
      await without.close();
      const withChain = new InProcessQueue(settings);
      await withChain.start({ ...deps, chain: {} } as Deps, [chained], { exclusive: true });
      await vi.advanceTimersByTimeAsync(5000);
      expect(ticks).toBe(6);
      await withChain.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
