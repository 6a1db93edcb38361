import type { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * Every use case parses its own input: surfaces may pre-validate for nicer UX, but the rules
 * hold whoever calls. The message names each bad field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({
    field: i.path.join('.') || '(input)',
    message: i.message,
  }));
  throw new AppError('BAD_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
}
