import { z } from 'zod';

/** `discord:<snowflake>`, `telegram:<user id>`, `apikey:<key id>`, `wallet:<0x… lowercase>`. */
export const identitySchema = z
  .string()
  .regex(
    /^(discord:\d{1,25}|telegram:\d{1,20}|apikey:[a-z0-9]{8,40}|wallet:0x[0-9a-f]{40})$/,
    'must look like discord:<id>, telegram:<id>, apikey:<id> or wallet:0x<address>',
  );
export type Identity = z.infer<typeof identitySchema>;

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
