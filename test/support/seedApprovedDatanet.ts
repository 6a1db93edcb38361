import type { App } from '../../src/app.ts';
import { fundedPerson, TOKEN } from './fixtures.ts';

export interface SeededDatanet {
  datanetId: string;
  owner: string;
  /** Contributor account of each text, in the order given. */
  contributors: string[];
  /** Contribution id of each text, in the order given. */
  contributionIds: string[];
  /** Validator accounts and their stakes (vote weights). */
  validators: { accountId: string; stake: bigint }[];
}

/**
 * A datanet whose texts were all submitted through the real use cases and approved by validator
 * votes (quorum 2). `authors[i]` picks which of `authorCount` contributors submits text i.
 */
export async function seedApprovedDatanet(
  app: App,
  input: {
    name: string;
    texts: readonly string[];
    authors: readonly number[];
    authorCount: number;
    stakes?: bigint[];
    /** Who creates the datanet (one holding a role ROLE_PERMISSIONS asks for); a fresh person else. */
    owner?: string;
  },
): Promise<SeededDatanet> {
  const owner = input.owner ?? (await fundedPerson(app, 'owner'));
  const d = await app.datanets.create({
    ownerAccountId: owner,
    name: input.name,
    deposit: '1000',
    minStake: (10n * TOKEN).toString(),
    quorumVotes: 2,
    approvalBps: 6000,
    dailyItems: 100_000,
  });
  const contributors: string[] = [];
  for (let i = 0; i < input.authorCount; i++) contributors.push(await fundedPerson(app, `poet${i}`));
  const validators: SeededDatanet['validators'] = [];
  for (const [i, stake] of (input.stakes ?? [10n * TOKEN, 30n * TOKEN]).entries()) {
    const accountId = await fundedPerson(app, `validator${i}`);
    await app.validation.stake({
      accountId,
      datanetId: d.id,
      amount: stake.toString(),
      idempotencyKey: 'stake',
    });
    validators.push({ accountId, stake });
  }
  const contributionIds: string[] = new Array(input.texts.length);
  for (let a = 0; a < input.authorCount; a++) {
    const mine = input.texts.map((text, i) => ({ text, i })).filter(({ i }) => input.authors[i] === a);
    if (mine.length === 0) continue;
    const res = await app.contributions.submit({
      accountId: contributors[a],
      datanetId: d.id,
      idempotencyKey: `seed-${a}`,
      items: mine.map(({ text }) => ({ text })),
    });
    if (res.refused.length > 0) throw new Error(`seed texts refused: ${JSON.stringify(res.refused)}`);
    res.accepted.forEach((acc) => {
      contributionIds[mine[acc.index].i] = acc.contributionId;
    });
  }
  for (const contributionId of contributionIds) {
    for (const v of validators) {
      const vote = await app.validation.vote({ accountId: v.accountId, contributionId, approve: true });
      if (vote.status !== 'pending') break;
    }
  }
  return { datanetId: d.id, owner, contributors, contributionIds, validators };
}
