import type { AppError } from '../../errors.ts';
import type { Deps } from '../../shared/deps.ts';
import { toChainError } from '../toChainError.ts';

// Reverts that a later attempt can get past (a role granted late, a vault unpaused); others are final.
const TRANSIENT_REVERTS = new Set(['AccessControlUnauthorizedAccount', 'EnforcedPause']);

export interface FailingRow {
  id: string;
  kind: string;
  attempts: number;
}

/**
 * Sets a row aside for good, with its reason, so the rows behind it proceed: retrying a call that
 * cannot be encoded, or that the contract refuses whatever the state, would hold every later chain
 * write (epoch roots included) back forever. Logged as an error; `potluck doctor` lists such rows.
 */
export async function markOutboxRowFailed(
  deps: Deps,
  row: Pick<FailingRow, 'id' | 'kind'>,
  reason: string,
  where: { status?: 'pending'; txHash?: string } = { status: 'pending' },
): Promise<void> {
  const match = where.txHash
    ? deps.sql`tx_hash = ${where.txHash}`
    : deps.sql`status = ${where.status ?? 'pending'}`;
  await deps.sql`
    update chain_outbox set status = 'failed', last_error = ${reason}, failure_reason = ${reason},
      failed_at = ${deps.now()}
    where id = ${row.id} and ${match}`;
  deps.log.error('outbox row failed for good; later rows proceed', {
    outboxId: row.id,
    kind: row.kind,
    reason,
  });
}

/** A row whose call could not be built from its payload: it never will be, whatever we retry. */
export async function recordEncodeFailure(deps: Deps, row: FailingRow, err: unknown): Promise<'failed'> {
  const reason = `cannot be encoded: ${describe(err)}`;
  await deps.sql`update chain_outbox set attempts = attempts + 1 where id = ${row.id} and status = 'pending'`;
  await markOutboxRowFailed(deps, row, reason);
  return 'failed';
}

/**
 * A row refused before it was sent. A contract revert (other than the transient ones) is final;
 * anything else (the node unreachable, fees) is retried with backoff, holding later rows back,
 * since they may depend on this one (an anchor on its registration).
 */
export async function recordSendFailure(
  deps: Deps,
  row: FailingRow,
  err: unknown,
): Promise<'failed' | 'retrying'> {
  const e = toChainError(err, `Outbox ${row.kind} #${row.id}`);
  const revert = e.details['revert'] as string | undefined;
  if (e.code === 'BAD_INPUT' || (revert !== undefined && !TRANSIENT_REVERTS.has(revert))) {
    await deps.sql`update chain_outbox set attempts = attempts + 1 where id = ${row.id} and status = 'pending'`;
    await markOutboxRowFailed(deps, row, describe(e));
    return 'failed';
  }
  const { retryBaseMs, retryMaxMs } = deps.config.outbox;
  const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(row.attempts, 30));
  await deps.sql`
    update chain_outbox set attempts = attempts + 1, last_error = ${e.message},
      next_attempt_at = now() + make_interval(secs => ${delay / 1000})
    where id = ${row.id} and status = 'pending'`;
  deps.log.warn('outbox row will be retried', {
    outboxId: row.id,
    kind: row.kind,
    delayMs: delay,
    error: e.message,
  });
  return 'retrying';
}

/** One line, with the malformed fields when the payload did not parse. */
function describe(err: unknown): string {
  const e = err as Partial<AppError> & { shortMessage?: string };
  const issues = (e.details?.['issues'] as string[] | undefined) ?? [];
  const text = e.shortMessage ?? e.message ?? String(err);
  return `${text.split('\n')[0]}${issues.length ? ` (${issues.join('; ')})` : ''}`.slice(0, 500);
}
