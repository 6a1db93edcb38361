import { z } from 'zod';

/** Ids are PostgreSQL bigints: a larger number could never name a row, and the database would refuse it. */
export const MAX_ID = 2n ** 63n - 1n;

/** A row id as a decimal string, within bigint range; `what` names it in the message. */
export const numericIdSchema = (what = 'a numeric id', min = 1) =>
  z
    .union([
      z.string().regex(/^\d{1,19}$/, `must be ${what}`),
      z.number().int().min(min).max(Number.MAX_SAFE_INTEGER),
    ])
    .transform(String)
    .refine((v) => BigInt(v) <= MAX_ID, `must be ${what} no larger than ${MAX_ID}`);

export const idSchema = numericIdSchema();

/** Whether `text` can name a row by id (digits within bigint range); otherwise it is a name, say. */
export const isRowId = (text: string) => /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_ID;
