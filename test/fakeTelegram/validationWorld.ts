import type { App } from '../../src/app.ts';
import { fundedPerson, TOKEN } from '../support/fixtures.ts';
import { samplePoem } from '../support/samplePoems.ts';

export const DATANET_NAME = 'شعر فارسی';
export const REWARD_PER_DECISION = 3n * TOKEN;

export interface ValidationWorld {
  datanetId: string;
  owner: string;
  /** Validator accounts in stake order (10, 11, 12 tokens): the payout split is by these weights. */
  validators: string[];
  stakes: bigint[];
  /** Submits a fresh Persian poem by `contributor` and has all validators approve it: one payout. */
  payOut(contributor: string): Promise<string>;
}

let seed = 1000;

/**
 * A Persian-poetry datanet whose validators are the given accounts (people from any surface):
 * every `payOut` is one validation decision paying REWARD_PER_DECISION to them by stake.
 */
export async function createValidationWorld(app: App, validatorAccounts: string[]): Promise<ValidationWorld> {
  const owner = await fundedPerson(app, 'owner');
  const d = await app.datanets.create({
    ownerAccountId: owner,
    name: DATANET_NAME,
    languages: ['fa'],
    deposit: TOKEN.toString(),
    minStake: (10n * TOKEN).toString(),
    quorumVotes: validatorAccounts.length,
    approvalBps: 6000,
    validationReward: REWARD_PER_DECISION.toString(),
    dailyItems: 1000,
  });
  await app.datanets.fundPool({
    accountId: owner,
    datanetId: d.id,
    amount: (90n * TOKEN).toString(),
    idempotencyKey: 'fund',
  });
  const stakes = validatorAccounts.map((_, i) => (10n + BigInt(i)) * TOKEN);
  for (const [i, accountId] of validatorAccounts.entries()) {
    await app.validation.stake({
      accountId,
      datanetId: d.id,
      amount: stakes[i].toString(),
      idempotencyKey: 'stake',
    });
  }
  return {
    datanetId: d.id,
    owner,
    validators: validatorAccounts,
    stakes,
    async payOut(contributor) {
      seed += 1;
      const res = await app.contributions.submit({
        accountId: contributor,
        datanetId: d.id,
        idempotencyKey: `poem-${seed}`,
        items: [{ text: samplePoem('fa', seed, 200) }],
      });
      const [accepted] = res.accepted;
      if (!accepted) throw new Error(`poem refused: ${JSON.stringify(res.refused)}`);
      for (const v of validatorAccounts) {
        await app.validation.vote({ accountId: v, contributionId: accepted.contributionId, approve: true });
      }
      return accepted.contributionId;
    },
  };
}
