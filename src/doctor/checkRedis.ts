import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { redactUrl } from '../db/openDatabase.ts';
import { type DoctorCheck, reason, TIMEOUT_MS } from './doctorCheck.ts';

export async function checkRedis(config: Config): Promise<DoctorCheck> {
  if (!config.redisUrl) return { name: 'redis', ready: true, detail: 'not configured: jobs run in process' };
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED, auth) says more than the "Connection is closed" connect()
  // rejects with; listening also keeps an unhandled 'error' event from crashing the process.
  let socketError: unknown;
  redis.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    const pong = await redis.ping();
    return {
      name: 'redis',
      ready: pong === 'PONG',
      detail: `${redactUrl(config.redisUrl)} answered ${pong}`,
    };
  } catch (error) {
    return {
      name: 'redis',
      ready: false,
      detail: `cannot reach ${redactUrl(config.redisUrl)}: ${reason(socketError ?? error)}`,
      fix: 'start Redis and check REDIS_URL, or unset it to run jobs in process',
    };
  } finally {
    redis.disconnect();
  }
}
