import { z } from 'zod';

/** Input pieces shared by tools; the use cases parse again, these give clients a precise schema. */
export const idInput = (what: string) =>
  z
    .string()
    .regex(/^\d{1,19}$/, 'must be a numeric id as a string, e.g. "12"')
    .describe(`${what} id (a numeric string)`);

export const amountInput = (what: string) =>
  z
    .string()
    .regex(/^\d{1,78}$/, 'must be a whole number of base units as a decimal string')
    .describe(`${what}, in base units (18 decimals) as a decimal string: "1000000000000000000" is 1 token`);

export const idempotencyKeyInput = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'A unique string you choose for this request. Retrying with the same key returns the first result instead of doing it twice.',
  );
