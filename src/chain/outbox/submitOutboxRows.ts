import type { Hex, TransactionReceipt } from 'viem';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../shared/deps.ts';
import type { ChainPort } from '../openChain.ts';
import { toChainError } from '../toChainError.ts';
import { type OutboxCall, outboxCall } from './outboxCall.ts';
import { markOutboxRowFailed, recordEncodeFailure, recordSendFailure } from './recordOutboxFailure.ts';
import { type SignedWrite, signChainWrite } from './signChainWrite.ts';

/** Test hooks: each runs at one point of a row's submission; throwing there simulates a crash. */
export interface OutboxHooks {
  /** Signed, not yet stored: nothing is recorded and nothing was sent. */
  afterSign?(row: { id: string; kind: string }): void | Promise<void>;
  /** Stored (hash, nonce, raw bytes), not yet broadcast. */
  afterStore?(row: { id: string; kind: string }): void | Promise<void>;
  /** Broadcast, receipt not yet recorded: the window between submit and record. */
  afterBroadcast?(row: { id: string; kind: string }): void | Promise<void>;
}

export interface SubmitStats {
  submitted: number;
  confirmed: number;
  failed: number;
  /** Rows put back for a later attempt (transient error, or a nonce taken by another transaction). */
  retrying: number;
  /** Rows mined but short of CHAIN_CONFIRMATIONS, or sent and not yet mined. */
  waiting: number;
}

interface OutboxRow {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  /** Whether its backoff has passed, by the database clock (every worker shares it). */
  due: boolean;
  tx_hash: Hex | null;
  nonce: string | null;
  raw_tx: Hex | null;
  signer: Hex | null;
}

type Tracked = 'confirmed' | 'failed' | 'mined' | 'unmined' | 'resign';

/**
 * Sends pending outbox rows in id order, one at a time, each signed and STORED before it is broadcast:
 * after a crash at any point the row holds either nothing (sign again, same nonce) or the exact
 * transaction, which is found by hash or rebroadcast byte for byte — a nonce lands at most once, so
 * no row is ever executed twice. A row is sent only when every earlier row is mined, so a registration
 * always lands before the anchors that need it. Rows already in flight are tracked first.
 */
export async function submitOutboxRows(
  deps: Deps,
  options: { maxRows?: number; hooks?: OutboxHooks } = {},
): Promise<SubmitStats> {
  const chain = deps.chain;
  if (!chain) throw new AppError('UNAVAILABLE', 'No chain is configured.');
  const stats: SubmitStats = { submitted: 0, confirmed: 0, failed: 0, retrying: 0, waiting: 0 };
  const count = (t: Tracked) => {
    if (t === 'confirmed' || t === 'failed') stats[t] += 1;
    else if (t === 'resign') stats.retrying += 1;
    else stats.waiting += 1;
  };

  const inFlight = await deps.sql<OutboxRow[]>`
    select id, kind, payload, attempts, true as due, tx_hash, nonce, raw_tx, signer
    from chain_outbox where status = 'submitted' order by id`;
  for (const row of inFlight) {
    const t = await trackSubmitted(deps, chain, row);
    count(t);
    if (t === 'unmined') return stats;
    if (t === 'resign') break;
  }

  for (let n = 0; n < (options.maxRows ?? 100); n++) {
    const [row] = await deps.sql<OutboxRow[]>`
      select id, kind, payload, attempts, next_attempt_at <= now() as due, tx_hash, nonce, raw_tx, signer
      from chain_outbox where status = 'pending' order by id limit 1`;
    if (!row?.due) break;
    let call: OutboxCall;
    try {
      call = outboxCall(row.kind, row.payload, chain.addresses);
    } catch (err) {
      // The payload never changes, so neither will this: set it aside and send the rows behind it.
      stats[await recordEncodeFailure(deps, row, err)] += 1;
      continue;
    }
    let signed: SignedWrite;
    try {
      const nonce = await chain.publicClient.getTransactionCount({
        address: chain.walletClient.account.address,
        blockTag: 'pending',
      });
      signed = await signChainWrite(chain, deps.config.chain, call, nonce);
    } catch (err) {
      const outcome = await recordSendFailure(deps, row, err);
      stats[outcome] += 1;
      // Later rows may depend on this one (an anchor on its registration): they wait for its retry.
      if (outcome === 'retrying') break;
      continue;
    }
    await options.hooks?.afterSign?.(row);
    const stored = await deps.sql`
      update chain_outbox set status = 'submitted', tx_hash = ${signed.hash}, nonce = ${signed.nonce},
        raw_tx = ${signed.rawTx}, signer = ${signed.signer.toLowerCase()}, attempts = attempts + 1,
        submitted_at = ${deps.now()}, block_number = null, gas_used = null, last_error = null
      where id = ${row.id} and status = 'pending' returning id`;
    // Another worker stored this row first; it owns the submission.
    if (stored.length === 0) break;
    await options.hooks?.afterStore?.(row);
    stats.submitted += 1;
    await broadcast(deps, chain, signed.rawTx);
    await options.hooks?.afterBroadcast?.(row);
    const t = await trackSubmitted(deps, chain, {
      ...row,
      tx_hash: signed.hash,
      nonce: String(signed.nonce),
      raw_tx: signed.rawTx,
      signer: signed.signer,
    });
    count(t);
    if (t === 'unmined') break;
  }
  return stats;
}

/** Finds a stored transaction on chain and records what became of it; rebroadcasts it if it is unknown. */
async function trackSubmitted(deps: Deps, chain: ChainPort, row: OutboxRow): Promise<Tracked> {
  const hash = row.tx_hash as Hex;
  let receipt = await receiptOf(chain, hash);
  if (!receipt) {
    const used = await chain.publicClient.getTransactionCount({
      address: row.signer as Hex,
      blockTag: 'latest',
    });
    if (used > Number(row.nonce) && !(await knownTransaction(chain, hash))) {
      // Another transaction took this nonce, so ours can never land: sign the row again.
      const reset = await deps.sql`
        update chain_outbox set status = 'pending', tx_hash = null, nonce = null, raw_tx = null, signer = null,
          last_error = 'nonce used by another transaction; signed again'
        where id = ${row.id} and tx_hash = ${hash} returning id`;
      deps.log.warn('outbox nonce taken by another transaction', { outboxId: row.id, nonce: row.nonce });
      return reset.length > 0 ? 'resign' : 'unmined';
    }
    await broadcast(deps, chain, row.raw_tx as Hex);
    receipt = await chain.publicClient
      .waitForTransactionReceipt({ hash, timeout: deps.config.chain.receiptTimeoutMs })
      .catch(() => null);
    if (!receipt) return 'unmined';
  }
  if (receipt.status === 'reverted') {
    await deps.sql`
      update chain_outbox set block_number = ${receipt.blockNumber.toString()}, gas_used = ${receipt.gasUsed.toString()}
      where id = ${row.id} and tx_hash = ${hash}`;
    await markOutboxRowFailed(deps, row, `transaction ${hash} reverted on chain`, { txHash: hash });
    return 'failed';
  }
  const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  const confirmed = head - receipt.blockNumber + 1n >= BigInt(chain.confirmations);
  await deps.sql`
    update chain_outbox set block_number = ${receipt.blockNumber.toString()}, gas_used = ${receipt.gasUsed.toString()},
      status = ${confirmed ? 'confirmed' : 'submitted'}, confirmed_at = ${confirmed ? deps.now() : null}
    where id = ${row.id} and tx_hash = ${hash}`;
  return confirmed ? 'confirmed' : 'mined';
}

async function receiptOf(chain: ChainPort, hash: Hex): Promise<TransactionReceipt | null> {
  try {
    return await chain.publicClient.getTransactionReceipt({ hash });
  } catch (err) {
    if ((err as Error).name === 'TransactionReceiptNotFoundError') return null;
    throw err;
  }
}

async function knownTransaction(chain: ChainPort, hash: Hex): Promise<boolean> {
  try {
    await chain.publicClient.getTransaction({ hash });
    return true;
  } catch {
    return false;
  }
}

/** Sends stored bytes. "Already known" and "nonce too low" mean it (or its twin) is there already. */
async function broadcast(deps: Deps, chain: ChainPort, rawTx: Hex): Promise<void> {
  try {
    await chain.publicClient.sendRawTransaction({ serializedTransaction: rawTx });
  } catch (err) {
    // Whatever went wrong, the row stays stored: the next run finds it by hash or sends it again.
    deps.log.warn('outbox broadcast failed', { error: toChainError(err, 'Broadcasting').message });
  }
}
