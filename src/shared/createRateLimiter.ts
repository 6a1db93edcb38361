export interface RateLimiter {
  /**
   * Takes `count` requests (default 1) from `key`'s bucket, all or none; when it holds too few,
   * says how long until it will hold them (a count above the burst never fits: see `perMinute`).
   */
  take(key: string, count?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** What `take` would answer, taking nothing (a cheap refusal before reading a request). */
  peek(key: string, count?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  readonly perMinute: number;
}

const MAX_BUCKETS = 100_000;

/**
 * Token buckets in memory: `perMinute` requests of burst, refilled evenly. Per process, so
 * behind a load balancer each instance allows its own share; that bounds abuse, which is the
 * point, without a shared store.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  const current = (key: string) => {
    const t = now();
    const b = buckets.get(key);
    if (!b) return { tokens: perMinute, at: t };
    return { tokens: Math.min(perMinute, b.tokens + (t - b.at) * refillPerMs), at: t };
  };
  const prune = () => {
    // Full buckets carry no information: dropping them bounds memory under many keys or addresses.
    for (const [k] of buckets) if (current(k).tokens >= perMinute) buckets.delete(k);
  };
  const refusal = (tokens: number, count: number) => {
    const wait = (Math.min(count, perMinute) - tokens) / refillPerMs / 1000;
    return { ok: false as const, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
  };
  return {
    perMinute,
    peek(key, count = 1) {
      const b = current(key);
      return b.tokens < count ? refusal(b.tokens, count) : { ok: true };
    },
    take(key, count = 1) {
      const b = current(key);
      if (b.tokens < count) {
        buckets.set(key, b);
        return refusal(b.tokens, count);
      }
      b.tokens -= count;
      if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) prune();
      buckets.set(key, b);
      return { ok: true };
    },
  };
}
