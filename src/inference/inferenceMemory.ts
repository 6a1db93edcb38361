import type { ModelTerms } from '../models/modelStore.ts';
import { createRateLimiter, type RateLimiter } from '../shared/createRateLimiter.ts';
import { ReservationBatcher } from './reservationBatcher.ts';
import { SettlementBatcher } from './settleInference.ts';
import type { Payee } from './splitFee.ts';

/** A payee with the datanet whose gold standing decides which approvers are paid. */
export type KnownPayee = Payee & { datanetId: string };

/**
 * What inference keeps in memory between calls, one per app (made in createApp, closed by
 * app.close()): facts that never change once written, the paid-call rate limit and the reservation
 * and settlement batchers. Per process; the database holds everything here too.
 */
export class InferenceMemory {
  /** Published models' terms: a trigger forbids updating a model. */
  readonly modelTerms = new Map<string, ModelTerms>();
  /** Approved contributions' contributor and approvers: votes close with the decision. */
  readonly payees = new Map<string, KnownPayee>();
  /** Account → its spendable ledger account, which never changes once made. */
  readonly ledgerAccounts = new Map<string, string>();
  /** Datanet → its reward pool's ledger account, made with the datanet and never changed. */
  readonly poolAccounts = new Map<string, string>();
  readonly reservations = new ReservationBatcher();
  readonly settlements = new SettlementBatcher();
  private limiter?: RateLimiter;

  /** PAID_CALLS_PER_MINUTE buckets, shared by every surface and API key of an account. */
  paidCalls(perMinute: number): RateLimiter {
    if (!this.limiter || this.limiter.perMinute !== perMinute) this.limiter = createRateLimiter(perMinute);
    return this.limiter;
  }

  /** Waits for the reservations and settlements in flight, then forgets what it held. */
  async close(): Promise<void> {
    await this.reservations.drain();
    await this.settlements.drain();
    this.modelTerms.clear();
    this.payees.clear();
    this.ledgerAccounts.clear();
    this.poolAccounts.clear();
    this.limiter = undefined;
  }
}
