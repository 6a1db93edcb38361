import type { z } from 'zod';
import { AppError } from '../errors.ts';

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Every use case parses its own input: surfaces may pre-validate for nicer UX, but the rules
 * hold whoever calls. The message names each bad field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw badFields(
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(input)', message: i.message })),
    );
  }
  // PostgreSQL stores no NUL in text or jsonb: refused here, by name, rather than as a database error.
  const nul = nulFields(parsed.data);
  if (nul.length > 0) throw badFields(nul.map((field) => ({ field, message: NUL_MESSAGE })));
  return parsed.data;
}

const NUL_MESSAGE = 'must not contain NUL (\\u0000) characters';

function badFields(fields: FieldProblem[]): AppError {
  return new AppError('BAD_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}

/** Paths of every string (value or object key) holding a NUL; binary buffers are not text and pass. */
export function nulFields(value: unknown, path: string[] = [], seen = new WeakSet<object>()): string[] {
  const name = () => path.join('.') || '(input)';
  if (typeof value === 'string') return value.includes('\u0000') ? [name()] : [];
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date)
    return [];
  if (seen.has(value)) return [];
  seen.add(value);
  const entries: [string, unknown][] =
    value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : Object.entries(value);
  const found: string[] = [];
  for (const [key, v] of entries) {
    if (key.includes('\u0000')) found.push(name());
    else found.push(...nulFields(v, [...path, key], seen));
  }
  return found;
}
