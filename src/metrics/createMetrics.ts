import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Sql } from '../db/openDatabase.ts';
import type { AdapterPoolStats } from '../ml/serving/adapterPool.ts';
import type { Logger } from '../shared/createLogger.ts';
import { collectDatabaseGauges } from './collectDatabaseGauges.ts';

export type JobOutcome = 'done' | 'retry' | 'failed';

export interface MetricSources {
  sql: Sql;
  log: Logger;
  /** Jobs waiting, active, delayed and failed on this app's queue, by state. */
  queueDepth(): Promise<Record<string, number>>;
  adapterPool?: () => AdapterPoolStats;
}

export interface AppMetrics {
  /** One registry per app (not prom-client's global), so tests can run several apps in one process. */
  registry: Registry;
  paidCall(seconds: number, outcome: 'charged' | 'replayed' | 'failed', fee?: bigint): void;
  jobFinished(job: string, seconds: number, outcome: JobOutcome): void;
  /** Registers the scrape-time gauges (database, queue, model cache) once their sources exist. */
  watch(sources: MetricSources): void;
}

/** Base units to tokens for a float metric: exact to 1e-6 of a token, which is all a dashboard needs. */
export const toTokens = (units: bigint): number => Number(units / 10n ** 12n) / 1e6;

/**
 * Prometheus metrics. Counters and histograms only on the hot paths this process runs (paid calls,
 * jobs); everything the database knows (ledger, contributions, votes, runs, outbox) is read at
 * scrape time, so any process behind the load balancer reports the same totals.
 */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'potluck_' });
  const paidCalls = new Counter({
    name: 'potluck_paid_calls_total',
    help: 'Paid model calls answered by this process, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const paidLatency = new Histogram({
    name: 'potluck_paid_call_seconds',
    help: 'Paid model call latency in this process (charged calls)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const paidFees = new Counter({
    name: 'potluck_paid_call_fees_tokens_total',
    help: 'Fees charged by paid calls in this process, in tokens',
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'potluck_job_seconds',
    help: 'Job run time in this process, by job and outcome',
    labelNames: ['job', 'outcome'],
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1800, 7200],
    registers: [registry],
  });
  return {
    registry,
    paidCall(seconds, outcome, fee) {
      paidCalls.inc({ outcome });
      if (outcome !== 'charged') return;
      paidLatency.observe(seconds);
      if (fee !== undefined) paidFees.inc(toTokens(fee));
    },
    jobFinished(job, seconds, outcome) {
      jobSeconds.observe({ job, outcome }, seconds);
    },
    watch(sources) {
      collectDatabaseGauges(registry, sources.sql, sources.log);
      new Gauge({
        name: 'potluck_queue_jobs',
        help: "Jobs on this app's queue by state",
        labelNames: ['state'],
        registers: [registry],
        async collect() {
          this.reset();
          const depth = await sources.queueDepth().catch(() => ({}));
          for (const [state, n] of Object.entries(depth)) this.set({ state }, n);
        },
      });
      const pool = sources.adapterPool;
      if (!pool) return;
      const poolGauge = (name: string, help: string, pick: (s: AdapterPoolStats) => number) =>
        new Gauge({
          name,
          help,
          registers: [registry],
          collect() {
            this.set(pick(pool()));
          },
        });
      poolGauge('potluck_adapter_pool_hot', 'LoRA adapter contexts loaded now', (s) => s.hot);
      poolGauge('potluck_adapter_pool_bases', 'Base models loaded now', (s) => s.bases);
      poolGauge(
        'potluck_adapter_pool_loads',
        'Cold adapter loads (cache misses) since start',
        (s) => s.loads,
      );
      poolGauge('potluck_adapter_pool_evictions', 'Adapter contexts evicted since start', (s) => s.evictions);
    },
  };
}
