import { z } from 'zod';
import { tokens } from '../tokens.ts';
import { amountOut } from '../wireSchemas.ts';

/** A validator's reputation in one datanet, as get_validator_status and the leaderboard show it. */
export const validatorRecordOut = {
  datanetId: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  staked: amountOut,
  votesCast: z.number().int(),
  votesDecided: z.number().int(),
  votesWon: z.number().int().describe('decided votes that sided with the outcome'),
  agreementBps: z.number().int().nullable().describe('votesWon / votesDecided in basis points'),
  goldAnswered: z.number().int().describe('gold items answered before today (UTC)'),
  goldCorrect: z.number().int(),
  goldAccuracyBps: z.number().int().nullable(),
  suspended: z.boolean().describe('below the gold-accuracy threshold: earns nothing until it recovers'),
  earned: amountOut.describe('paid for decisions: reward, deposit and forfeit shares'),
  forfeited: amountOut.describe('stake lost on losing sides'),
};

const pct = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(0)}%`);

export function describeRecord(r: {
  votesCast: number;
  agreementBps: number | null;
  goldAccuracyBps: number | null;
  goldAnswered: number;
  suspended: boolean;
  earned: string | bigint;
}): string {
  return (
    `${r.votesCast} votes, agreement ${pct(r.agreementBps)}, gold ${pct(r.goldAccuracyBps)} of ${r.goldAnswered}, ` +
    `earned ${tokens(String(r.earned))}${r.suspended ? ' (below the gold threshold: not earning)' : ''}`
  );
}
