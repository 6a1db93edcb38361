import { poolCutBpsOf } from '../datanets/datanetStore.ts';
import { AppError } from '../errors.ts';
import { lockLedgerAccounts } from '../ledger/ledgerStore.ts';
import { postMany } from '../ledger/postMany.ts';
import type { LedgerLeg } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { GroupCommit, type Pending } from '../shared/groupCommit.ts';
import { insertPendingAttributions } from './insertPendingAttributions.ts';
import { attributionEscrowOf, inferenceEscrowOf, ledgerAccountIds } from './ledgerAccountIds.ts';
import { type PoolCut, poolAccountIds, poolCutOf } from './poolCuts.ts';
import { hashReceipt, type Receipt } from './receipt.ts';
import type { FeeSplit } from './splitFee.ts';

export interface Settlement {
  callId: string;
  attempt: number;
  modelId: string;
  datanetId: string;
  fee: bigint;
  split: FeeSplit;
  answer: string;
  receipt: Omit<Receipt, 'settledAt'>;
  /**
   * LoRA answers whose influence was not ready: the data and validators parts go to the attribution
   * escrow, and this row (written in the same transaction, so escrow and row exist together) lets an
   * attribution job settle them once.
   */
  pendingAttribution?: {
    data: bigint;
    validators: bigint;
    promptTokens: number[];
    answerTokens: number[];
    spanWeights: { contributionId: string; units: string }[];
  };
}

/** The stored receipt, or null when a concurrent replay of the same call settled it first. */
export type SettleOutcome = (Receipt & { receiptHash: string }) | null;

const MAX_BATCH = 64;

/**
 * Pays reserved fees out of escrow by their splits and stores the receipts, once per call. Every
 * call of a model credits the same developer and treasury rows, which stay locked until commit, so
 * calls that finish together settle together: one transaction (one commit) per batch. A batch that
 * fails is retried one call at a time, so one bad settlement never fails the others.
 */
export function settleInference(deps: Deps, settlement: Settlement): Promise<SettleOutcome> {
  return deps.inference.settlements.settle(deps, settlement);
}

type Waiting = Pending<{ deps: Deps; settlement: Settlement }, SettleOutcome>;

/** The app's settlement queue (InferenceMemory holds one): calls that finish together commit together. */
export class SettlementBatcher {
  // A batch shares one deps (a caller may pass its own clock or runtime): the head's.
  private readonly queue = new GroupCommit<Waiting['item'], SettleOutcome>(
    (batch) => this.flush(batch),
    MAX_BATCH,
    (a, b) => a.deps === b.deps,
  );

  settle(deps: Deps, settlement: Settlement): Promise<SettleOutcome> {
    return this.queue.submit({ deps, settlement });
  }

  /** Resolves once no settlement is waiting or committing. */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private async flush(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await settleBatch(
        batch[0].item.deps,
        batch.map((w) => w.item.settlement),
      );
      batch.forEach((w, i) => {
        const outcome = outcomes[i];
        if (outcome instanceof Error) w.reject(outcome);
        else w.resolve(outcome);
      });
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const w of batch) await this.flush([w]);
    }
  }
}

async function settleBatch(deps: Deps, list: Settlement[]): Promise<(SettleOutcome | Error)[]> {
  const payees = list.flatMap((s) => s.split.payouts.flatMap((p) => (p.accountId ? [p.accountId] : [])));
  const ledgerIds = await ledgerAccountIds(deps, payees);
  const datanetIds = [...new Set(list.map((s) => s.datanetId))];
  const poolIds = await poolAccountIds(deps, datanetIds);
  const settledAt = deps.now().toISOString();
  return deps.sql.begin(async (tx) => {
    const ids = [...new Set(list.map((s) => s.callId))];
    // Every account a post may touch: the legs without a pool cut, plus each datanet's pool.
    const accounts = [
      ...new Set([...list.flatMap((s) => legsOf(deps, s, ledgerIds)).map(accountOf), ...poolIds.values()]),
    ];
    // Pipelined, in this order: the calls, then every account the posts will touch, in id order, so
    // the posts take no new locks and concurrent batches never deadlock; and the pool cuts, read
    // in the same round trip instead of one before the transaction.
    const [rows, , bps] = await Promise.all([
      tx<{ id: string; status: string; attempt: number }[]>`
        select id, status, attempt from inference_calls where id = any(${ids}::bigint[]) order by id for update`,
      lockLedgerAccounts(tx, accounts),
      poolCutBpsOf(tx, datanetIds),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const taken = new Set<string>();
    const outcomes: (SettleOutcome | Error)[] = [];
    const ready: { s: Settlement; body: Receipt; receiptHash: string }[] = [];
    for (const s of list) {
      const row = byId.get(s.callId);
      if (row?.status === 'settled' || taken.has(s.callId)) {
        outcomes.push(null);
      } else if (row?.status !== 'reserved' || row.attempt !== s.attempt) {
        outcomes.push(
          new AppError('UNAVAILABLE', 'This call took too long and its fee was refunded; please ask again.'),
        );
      } else {
        taken.add(s.callId);
        const body: Receipt = { ...s.receipt, settledAt };
        const receiptHash = hashReceipt(body);
        outcomes.push({ ...body, receiptHash });
        ready.push({ s, body, receiptHash });
      }
    }
    if (ready.length === 0) return outcomes;
    const values = ready.map(({ s, body, receiptHash }) => ({
      id: s.callId,
      answer: s.answer,
      receipt: body,
      receipt_hash: receiptHash,
      developer: s.split.parts.developer.toString(),
      data: s.split.parts.data.toString(),
      validators: s.split.parts.validators.toString(),
      protocol: s.split.parts.protocol.toString(),
    }));
    // Sent together: postgres.js pipelines them on the transaction's connection. The settlements'
    // postings go as one statement (postMany): the rows above hold every account's lock.
    await Promise.all([
      insertPendingAttributions(
        tx,
        ready.map((r) => r.s),
      ),
      tx`
        update inference_calls c set status = 'settled', answer = v.answer, receipt = v.receipt,
          receipt_hash = v.receipt_hash, developer_amount = v.developer::numeric, data_amount = v.data::numeric,
          validators_amount = v.validators::numeric, protocol_amount = v.protocol::numeric, settled_at = now()
        from jsonb_to_recordset(${tx.json(values as never)}) as v(id bigint, answer text, receipt jsonb,
          receipt_hash text, developer text, data text, validators text, protocol text)
        where c.id = v.id`,
      postMany(
        tx,
        ready
          .filter((r) => r.s.fee > 0n)
          .map((r) => ({
            kind: 'inference_settle',
            idempotencyKey: `inference:${r.s.callId}:settle`,
            // Memo ids let rewards and reports break earnings down by model, datanet and receipt.
            memo: { modelId: r.s.modelId, datanetId: r.s.datanetId, receiptId: r.s.callId },
            legs: legsOf(deps, r.s, ledgerIds, poolCutOf(poolIds, bps, r.s.datanetId)).map((l) => ({
              ledgerAccountId: accountOf(l),
              amount: l.amount,
              role: l.role,
            })),
          })),
      ),
    ]);
    return outcomes;
  });
}

const accountOf = (l: LedgerLeg): string => l.ledgerAccountId!;

function legsOf(deps: Deps, s: Settlement, ledgerIds: Map<string, string>, pool?: PoolCut): LedgerLeg[] {
  const legs: LedgerLeg[] = [{ ledgerAccountId: inferenceEscrowOf(deps, s.callId), amount: -s.fee }];
  for (const p of s.split.payouts) {
    // A part of the protocol cut refills the datanet's validation reward pool, so validating pays
    // without an owner funding it; the rest goes to the treasury.
    const toPool = p.accountId === null && p.role !== 'escrow' && pool ? (p.amount * pool.bps) / 10_000n : 0n;
    if (toPool > 0n) legs.push({ ledgerAccountId: pool!.poolId, amount: toPool });
    if (toPool === p.amount) continue;
    legs.push(
      p.role === 'escrow'
        ? { ledgerAccountId: attributionEscrowOf(deps), amount: p.amount }
        : p.accountId === null
          ? { ledgerAccountId: deps.system.treasury, amount: p.amount - toPool, role: 'protocol' }
          : { ledgerAccountId: ledgerIds.get(p.accountId)!, amount: p.amount, role: p.role },
    );
  }
  return legs;
}
