import { z } from 'zod';
import { decidedContributionsOf } from '../contributions/contributionStore.ts';
import { datanetNamesOf } from '../datanets/datanetStore.ts';
import { commitmentsSettledSince } from '../rewards/rewardStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { runsFinishedSince } from '../training/trainingRunStore.ts';

const params = z.object({
  accountId: idSchema,
  /** Events at or after this time (a notifier's cursor). */
  since: z.date(),
  /** At most this many of each kind, oldest first. */
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListAccountEventsParams = z.input<typeof params>;

interface EventBase {
  /** Stable per event, so a surface can remember what it has told: never reused for another. */
  key: string;
  at: Date;
}
export type AccountEvent =
  | (EventBase & {
      kind: 'contribution';
      contributionId: string;
      datanetName: string;
      status: 'approved' | 'rejected' | 'expired';
    })
  | (EventBase & { kind: 'trainingRun'; runId: string; datanetName: string; status: 'succeeded' | 'failed' })
  | (EventBase & { kind: 'claimable'; epoch: number; amount: bigint; wallet: string });

/**
 * What happened to an account's own things since a point in time: its contributions decided, its
 * training runs finished, rewards committed to it in a settled epoch (claimable on chain). Each area
 * is read through its store; the caller (a bot's notifier) decides whom to tell and how often.
 * Times are the areas' own (decisions, run ends, settlements), so a caller keeps a margin behind
 * its cursor and remembers event keys rather than trusting timestamps to arrive in order.
 */
export async function listAccountEvents(deps: Deps, input: ListAccountEventsParams): Promise<AccountEvent[]> {
  const p = parseInput(params, input);
  const q = { accountId: p.accountId, since: p.since, limit: p.limit };
  const [decided, runs, commitments] = await Promise.all([
    decidedContributionsOf(deps.sql, q),
    runsFinishedSince(deps.sql, q),
    commitmentsSettledSince(deps.sql, q),
  ]);
  const names = await datanetNamesOf(deps.sql, [
    ...decided.map((c) => c.datanetId),
    ...runs.map((r) => r.datanetId),
  ]);
  const nameOf = (id: string) => names.get(id) ?? `#${id}`;
  const events: AccountEvent[] = [
    ...decided.map((c) => ({
      kind: 'contribution' as const,
      key: `contribution:${c.id}`,
      at: c.decidedAt,
      contributionId: c.id,
      datanetName: nameOf(c.datanetId),
      status: c.status,
    })),
    ...runs.map((r) => ({
      kind: 'trainingRun' as const,
      key: `run:${r.id}`,
      at: r.finishedAt ?? r.createdAt,
      runId: r.id,
      datanetName: nameOf(r.datanetId),
      status: r.status as 'succeeded' | 'failed',
    })),
    ...commitments.map((c) => ({
      kind: 'claimable' as const,
      key: `claimable:${c.epoch}`,
      at: c.settledAt,
      epoch: c.epoch,
      amount: c.amount,
      wallet: c.wallet,
    })),
  ];
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}
