import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import { AppError } from '../errors.ts';

export interface IdempotencyScope {
  accountId: string;
  key: string;
  operation: string;
  /** The call's parameters: a retry must send the same ones. */
  request: unknown;
}

/**
 * Runs `fn` once per (account, key) inside the caller's transaction and stores its result;
 * a retry with the same request returns the stored result without running `fn` again.
 * A concurrent retry blocks on the key's row until the first commits, then replays it.
 */
export async function withIdempotency<T>(
  tx: postgres.TransactionSql,
  scope: IdempotencyScope,
  fn: () => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!scope.key || scope.key.length > 200) {
    throw new AppError('BAD_INPUT', 'An idempotency key of 1 to 200 characters is required.');
  }
  const requestHash = createHash('sha256')
    .update(stableStringify({ op: scope.operation, req: scope.request }))
    .digest('hex');
  const inserted = await tx`
    insert into idempotency_records (account_id, idempotency_key, operation, request_hash)
    values (${scope.accountId}, ${scope.key}, ${scope.operation}, ${requestHash})
    on conflict (account_id, idempotency_key) do nothing
    returning 1`;
  if (inserted.length === 0) {
    const [prior] = await tx<{ operation: string; request_hash: string; response: string }[]>`
      select operation, request_hash, response::text as response from idempotency_records
      where account_id = ${scope.accountId} and idempotency_key = ${scope.key}`;
    if (prior.operation !== scope.operation || prior.request_hash !== requestHash) {
      throw new AppError(
        'CONFLICT',
        'This idempotency key was already used for a different request. Use a new key for a new request.',
      );
    }
    return { result: parseWithBigints(prior.response) as T, replayed: true };
  }
  const result = await fn();
  await tx`
    update idempotency_records set response = ${stringifyWithBigints(result)}::text::jsonb
    where account_id = ${scope.accountId} and idempotency_key = ${scope.key}`;
  return { result, replayed: false };
}

const BIGINT_TAG = '$bigint';

export function stringifyWithBigints(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v)) ?? 'null'
  );
}

export function parseWithBigints(text: string): unknown {
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

/** JSON with sorted keys, so the same request always hashes the same. */
export function stableStringify(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash('sha256').update(value).digest('hex'));
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
