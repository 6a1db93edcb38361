import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A queue prefix of its own for one test, and a cleanup that deletes every key under it. */
export function testQueuePrefix(redisUrl: string): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `potluck-test-${randomBytes(5).toString('hex')}`;
  return {
    prefix,
    async cleanup() {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}
