import { Gauge, type Registry } from 'prom-client';
import { countOutboxByStatus, unconfirmedOutbox } from '../chain/chainStore.ts';
import { countContributionsByStatus } from '../contributions/contributionStore.ts';
import type { Sql } from '../db/openDatabase.ts';
import { countCallsByStatus, settledFeesTotal } from '../inference/inferenceStore.ts';
import { countTransactionsByKind } from '../ledger/ledgerStore.ts';
import type { Logger } from '../shared/createLogger.ts';
import { countRunsByStatus, runSecondsByStatus } from '../training/trainingRunStore.ts';
import { countVotesByReview } from '../validation/validationStore.ts';
import { toTokens } from './createMetrics.ts';

type Row = { label: string; n: string };

/**
 * Gauges read from the database when Prometheus scrapes: the whole deployment's state, whichever
 * process answers. A failed read leaves the family empty for that scrape (and says so in the log)
 * rather than failing the scrape: process metrics are still worth having when the database is away.
 */
export function collectDatabaseGauges(registry: Registry, sql: Sql, log: Logger): void {
  const byLabel = (name: string, help: string, label: string, query: () => Promise<Row[]>) =>
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [registry],
      async collect() {
        this.reset();
        try {
          for (const row of await query()) this.set({ [label]: row.label }, Number(row.n));
        } catch (error) {
          log.warn('metrics: database read failed', { metric: name, error });
        }
      },
    });
  byLabel(
    'potluck_ledger_transactions',
    'Ledger transactions by kind (transfers, fees, payouts...)',
    'kind',
    () => countTransactionsByKind(sql),
  );
  byLabel('potluck_contributions', 'Contributions by outcome', 'status', () =>
    countContributionsByStatus(sql),
  );
  // Open or decided, never approve/reject: votes are sealed until their review is decided.
  byLabel('potluck_votes', 'Validator votes cast, on reviews still open or decided', 'review', () =>
    countVotesByReview(sql),
  );
  byLabel('potluck_training_runs', 'Training runs by status', 'status', () => countRunsByStatus(sql));
  // With potluck_training_runs, rate(seconds) / rate(count) is the mean run time by outcome.
  byLabel(
    'potluck_training_run_seconds_total',
    'Time finished training runs took, summed, by status',
    'status',
    () => runSecondsByStatus(sql),
  );
  byLabel('potluck_inference_calls', 'Paid calls recorded (all processes) by status', 'status', () =>
    countCallsByStatus(sql),
  );
  byLabel('potluck_outbox_rows', 'Chain outbox rows by status', 'status', () => countOutboxByStatus(sql));
  new Gauge({
    name: 'potluck_paid_call_fees_settled_tokens',
    help: 'Fees of all settled paid calls (all processes), in tokens',
    registers: [registry],
    async collect() {
      try {
        this.set(toTokens(await settledFeesTotal(sql)));
      } catch (error) {
        log.warn('metrics: database read failed', { metric: 'fees', error });
      }
    },
  });
  new Gauge({
    name: 'potluck_outbox_oldest_unconfirmed_seconds',
    help: 'Age of the oldest chain outbox row not yet confirmed (pending or submitted); 0 when none',
    registers: [registry],
    async collect() {
      try {
        this.set((await unconfirmedOutbox(sql)).ageSeconds);
      } catch (error) {
        log.warn('metrics: database read failed', { metric: 'outbox age', error });
      }
    },
  });
}
