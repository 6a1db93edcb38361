import type postgres from 'postgres';
import { AppError } from '../errors.ts';
import { sha256Hex } from './hash.ts';
import { stableStringify } from './stableStringify.ts';

export interface IdempotencyScope {
  accountId: string;
  key: string;
  operation: string;
  /** The call's parameters: a retry must send the same ones. */
  request: unknown;
}

/**
 * Runs `fn` once per (account, key) inside the caller's transaction and stores its result;
 * a retry with the same request returns the stored result without running `fn` again, and the
 * same key with a different request (or operation) is refused with CONFLICT (Stripe's rule).
 * A concurrent retry blocks on the key's row until the first commits, then replays it.
 */
export async function withIdempotency<T>(
  tx: postgres.TransactionSql,
  scope: IdempotencyScope,
  fn: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const prior = await claimKey(tx, scope);
  if (prior) return { result: replayOf<T>(prior), replayed: true };
  const result = await fn();
  await storeResult(tx, scope, result);
  return { result, replayed: false };
}

/** `withIdempotency` when the caller sent a key; without one the call simply runs (keys are optional there). */
export async function withOptionalIdempotency<T>(
  tx: postgres.TransactionSql,
  scope: Omit<IdempotencyScope, 'key'> & { key?: string },
  fn: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (scope.key === undefined) return { result: await fn(), replayed: false };
  return withIdempotency(tx, { ...scope, key: scope.key }, fn);
}

/** A claimed key whose call never stored a result (its process died) is taken over after this long. */
const ABANDONED_AFTER_SECONDS = 300;

/**
 * The same rule for a call with effects outside the database (a chain transaction), which must not run
 * inside a transaction held open while it waits: the key is claimed and committed first, `fn` runs,
 * and its result is stored after. A retry while the first still runs is told to wait (CONFLICT); if
 * `fn` fails the claim is released so a retry can run it again.
 */
export async function withIdempotencyAround<T>(
  sql: postgres.Sql,
  scope: Omit<IdempotencyScope, 'key'> & { key?: string },
  fn: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (scope.key === undefined) return { result: await fn(), replayed: false };
  const keyed = { ...scope, key: scope.key };
  const prior = await sql.begin((tx) => claimKey(tx, keyed, { takeOverAbandoned: true }));
  if (prior) return { result: replayOf<T>(prior), replayed: true };
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await sql`
      delete from idempotency_records
      where account_id = ${keyed.accountId} and idempotency_key = ${keyed.key} and response is null`;
    throw error;
  }
  await storeResult(sql, keyed, result);
  return { result, replayed: false };
}

interface PriorRecord {
  operation: string;
  request_hash: string;
  response: string | null;
}

/** Claims the key for this request; returns the stored record when the key was already used for it. */
async function claimKey(
  tx: postgres.TransactionSql,
  scope: IdempotencyScope,
  options: { takeOverAbandoned?: boolean } = {},
): Promise<PriorRecord | null> {
  const requestHash = requestHashOf(scope);
  const inserted = await tx`
    insert into idempotency_records (account_id, idempotency_key, operation, request_hash)
    values (${scope.accountId}, ${scope.key}, ${scope.operation}, ${requestHash})
    on conflict (account_id, idempotency_key) do nothing
    returning 1`;
  if (inserted.length > 0) return null;
  const [prior] = await tx<(PriorRecord & { abandoned: boolean })[]>`
    select operation, request_hash, response::text as response,
      created_at < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS}) as abandoned
    from idempotency_records
    where account_id = ${scope.accountId} and idempotency_key = ${scope.key} for update`;
  if (prior.operation !== scope.operation || prior.request_hash !== requestHash) {
    throw idempotencyConflict(scope.key);
  }
  if (prior.response === null && options.takeOverAbandoned) {
    if (!prior.abandoned) {
      throw new AppError(
        'CONFLICT',
        'A request with this idempotency key is still running. Retry in a moment for its result.',
        { idempotencyKey: scope.key },
      );
    }
    await tx`
      update idempotency_records set created_at = now()
      where account_id = ${scope.accountId} and idempotency_key = ${scope.key}`;
    return null;
  }
  return prior;
}

/** What a stored record is compared by: the operation and its request, hashed the same way everywhere. */
export function requestHashOf(scope: IdempotencyScope): string {
  if (!scope.key || scope.key.length > 200) {
    throw new AppError('BAD_INPUT', 'idempotencyKey: a key of 1 to 200 characters is required.');
  }
  return sha256Hex(stableStringify({ op: scope.operation, req: scope.request }));
}

export const idempotencyConflict = (key: string) =>
  new AppError(
    'CONFLICT',
    'This idempotency key was already used for a different request. Use a new key for a new request.',
    { idempotencyKey: key },
  );

const replayOf = <T>(prior: PriorRecord): T => parseWithBigints(prior.response ?? 'null') as T;

async function storeResult(
  db: postgres.Sql | postgres.TransactionSql,
  scope: IdempotencyScope,
  result: unknown,
) {
  await db`
    update idempotency_records set response = ${stringifyWithBigints(result)}::text::jsonb
    where account_id = ${scope.accountId} and idempotency_key = ${scope.key}`;
}

const BIGINT_TAG = '$bigint';

function stringifyWithBigints(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v)) ?? 'null'
  );
}

function parseWithBigints(text: string): unknown {
  return JSON.parse(text, (_k, v) =>
    v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof v[BIGINT_TAG] === 'string'
      ? BigInt(v[BIGINT_TAG])
      : v,
  );
}
