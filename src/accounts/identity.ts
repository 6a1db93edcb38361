import { z } from 'zod';

/** `discord:<snowflake>`, `telegram:<user id>`, `apikey:<key id>`, `wallet:<0x… lowercase>`. */
export const identitySchema = z
  .string()
  .regex(
    /^(discord:\d{1,25}|telegram:\d{1,20}|apikey:[a-z0-9]{8,40}|wallet:0x[0-9a-f]{40})$/,
    'must look like discord:<id>, telegram:<id>, apikey:<id> or wallet:0x<address>',
  );
