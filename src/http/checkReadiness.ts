import type { App } from '../app.ts';
import { unconfirmedOutbox } from '../chain/chainStore.ts';
import { scrubSecrets } from '../shared/createLogger.ts';

export interface Check {
  ok: boolean;
  /** Why not, or what was found; no secrets (URLs are scrubbed). */
  detail: string;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, Check>;
}

const CHECK_TIMEOUT_MS = 3000;

/**
 * Whether this process can do its work now: the database answers, Redis answers (when jobs run on
 * it), the chain answers (when there is one), and the chain outbox is moving. Each check has its
 * own timeout, so one hung dependency is reported as such instead of hanging the probe.
 */
export async function checkReadiness(app: App, draining: boolean): Promise<Readiness> {
  const checks: Record<string, Promise<Check>> = {
    database: check(async () => {
      await app.database.sql`select 1`;
      return app.database.kind;
    }),
    outbox: check(async () => {
      const limit = app.config.operations.outboxStuckSeconds;
      const row = await unconfirmedOutbox(app.database.sql);
      const age = Math.round(row.ageSeconds);
      if (age > limit)
        throw new Error(
          `oldest of ${row.count} unconfirmed rows waits ${age} s (READY_OUTBOX_STUCK_SECONDS=${limit})`,
        );
      return `${row.count} unconfirmed, oldest ${age} s`;
    }),
  };
  if (app.jobs.kind === 'bullmq') {
    checks.redis = check(async () => {
      const depth = await app.jobs.depth();
      return `${depth.waiting ?? 0} waiting, ${depth.active ?? 0} active`;
    });
  }
  const chain = app.deps.chain;
  if (chain) {
    checks.chain = check(async () => {
      const block = await chain.publicClient.getBlockNumber();
      return `${chain.kind} chain ${chain.chainId} at block ${block}`;
    });
  }
  const results = Object.fromEntries(
    await Promise.all(Object.entries(checks).map(async ([name, p]) => [name, await p] as const)),
  );
  if (draining) results.shutdown = { ok: false, detail: 'shutting down: finishing work in flight' };
  return { ready: Object.values(results).every((c) => c.ok), checks: results };
}

async function check(probe: () => Promise<string>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return { ok: true, detail: await Promise.race([probe(), timeout]) };
  } catch (error) {
    return { ok: false, detail: scrubSecrets(error instanceof Error ? error.message : String(error)) };
  } finally {
    clearTimeout(timer);
  }
}
