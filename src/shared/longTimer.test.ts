import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, setLongInterval, setLongTimeout, sleep } from './longTimer.ts';

const DAY = 86_400_000;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('long timers', () => {
  it('a plain setTimeout past 2^31−1 ms fires at once (why the helper exists)', () => {
    const fn = vi.fn();
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    setTimeout(fn, 30 * DAY);
    vi.advanceTimersByTime(2);
    expect(fn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('setLongTimeout waits the whole 30 days, not a millisecond', () => {
    const fn = vi.fn();
    setLongTimeout(fn, 30 * DAY);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * DAY - MAX_TIMER_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * DAY);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('setLongInterval keeps a 30-day rhythm and stops when cleared', () => {
    const fn = vi.fn();
    const timer = setLongInterval(fn, 30 * DAY);
    vi.advanceTimersByTime(30 * DAY - 1);
    expect(fn).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * DAY);
    expect(fn).toHaveBeenCalledTimes(3);
    timer.clear();
    vi.advanceTimersByTime(90 * DAY);
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('an interval cleared from its own callback does not fire again', () => {
    const spy = vi.fn(() => timer.clear());
    const timer = setLongInterval(spy, 1000);
    vi.advanceTimersByTime(10_000);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('short delays behave like setTimeout, and Infinity never fires', () => {
    const short = vi.fn();
    const never = vi.fn();
    setLongTimeout(short, 5);
    setLongTimeout(never, Number.POSITIVE_INFINITY);
    vi.advanceTimersByTime(4);
    expect(short).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(short).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(365 * DAY);
    expect(never).not.toHaveBeenCalled();
  });

  it('sleep resolves after a long delay and rejects when aborted', async () => {
    let done = false;
    const slept = sleep(40 * DAY).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(40 * DAY - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);

    const controller = new AbortController();
    const aborted = sleep(40 * DAY, controller.signal);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });
});
