export interface RateLimiter {
  /** Takes one request from `key`'s bucket; when empty, says how long until the next is allowed. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
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
  return {
    take(key) {
      const b = current(key);
      if (b.tokens < 1) {
        buckets.set(key, b);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / refillPerMs / 1000)) };
      }
      b.tokens -= 1;
      if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) prune();
      buckets.set(key, b);
      return { ok: true };
    },
  };
}
