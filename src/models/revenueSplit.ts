import { z } from 'zod';

const bps = z.number().int().min(0).max(10_000);

/** developer / data contributors / validators / protocol, in basis points that sum to 10,000. */
export const revenueSplitSchema = z
  .object({ developerBps: bps, dataBps: bps, validatorsBps: bps, protocolBps: bps })
  .refine((s) => s.developerBps + s.dataBps + s.validatorsBps + s.protocolBps === 10_000, {
    message: 'the four parts must add up to 10,000 basis points (100%)',
  });
