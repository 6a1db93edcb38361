import type { CastVoteResult } from '../src/validation/castVote.ts';
import type { PoetryDatanet } from './contributePoems.ts';
import { type Cast, type DemoContext, nameOf } from './demoContext.ts';
import { preview, tokens } from './demoPrinter.ts';
import { drainOutbox } from './drainOutbox.ts';

const ONE = 10n ** 18n;
const STAKES = [30n * ONE, 20n * ONE, 15n * ONE];

/**
 * Three validators stake (their stake is their vote weight) and vote on every pending poem. Kaveh
 * and Laleh turn the near-duplicate redraft down; Babak approves it, against the majority, so he
 * shares neither its validation reward nor its forfeited deposit.
 */
export async function validatePoems(ctx: DemoContext, cast: Cast, datanet: PoetryDatanet): Promise<void> {
  const { app, out, book } = ctx;
  out.step('Three validators stake on the datanet and vote, weighted by stake');
  for (const [i, v] of cast.validators.entries()) {
    await app.validation.stake({
      accountId: v.accountId,
      datanetId: datanet.datanetId,
      amount: STAKES[i],
      idempotencyKey: 'stake',
    });
    book.move(v.accountId, 'system:stakes', STAKES[i], 'stake');
  }
  out.say(cast.validators.map((v, i) => `${v.name} stakes ${tokens(STAKES[i])}`).join(' · '));
  const queue = await app.validation.reviewQueue({
    accountId: cast.validators[0].accountId,
    datanetId: datanet.datanetId,
  });
  const flagged = queue.find((q) => q.nearDuplicate);
  out.say(
    `Kaveh's review queue: ${queue.length} poems` +
      (flagged
        ? `; #${flagged.contribution.id} is shown beside #${flagged.nearDuplicate?.contributionId} (similarity ${flagged.nearDuplicate?.similarity.toFixed(2)})`
        : ''),
  );

  for (const [contributionId, text] of datanet.texts) {
    const redraft = contributionId === datanet.redraftId;
    let decided: CastVoteResult | undefined;
    const marks: string[] = [];
    for (const v of cast.validators) {
      // Babak (the third) likes the redraft; the other two see a near-copy of "Kettle".
      const approve = !redraft || v === cast.validators[2];
      const vote = await app.validation.vote({
        accountId: v.accountId,
        contributionId,
        approve,
        reason: approve ? undefined : 'a near-copy of an earlier poem',
      });
      marks.push(`${v.name} ${approve ? '✓' : '✗'}`);
      if (vote.outcome) decided = vote;
    }
    const outcome = decided?.outcome;
    if (!outcome) throw new Error(`contribution #${contributionId} was not decided by three votes`);
    const escrow = 'system:escrow';
    const pool = `pool:${datanet.datanetId}`;
    if (outcome.approved) book.move(escrow, cast.poet.accountId, datanet.deposit, 'deposit back');
    else book.move(escrow, pool, datanet.deposit, 'forfeited deposit');
    // The losing side's forfeited stake joins what the winners share.
    for (const f of outcome.forfeits) {
      book.move('system:stakes', f.accountId, f.amount, 'stake');
      book.move(f.accountId, pool, f.amount, 'forfeited stake');
    }
    for (const p of outcome.payouts) book.move(pool, p.accountId, p.amount, 'validation reward');
    const paid = outcome.payouts.map((p) => `${nameOf(cast, p.accountId)} +${tokens(p.amount)}`).join(', ');
    const weight = `${tokens(outcome.approveWeight)} for / ${tokens(outcome.rejectWeight)} against`;
    out.say(
      `#${contributionId} “${preview(text, 28)}”  ${marks.join(' ')}  → ${decided?.status} (${weight})`,
    );
    out.say(
      outcome.approved
        ? `     deposit back to Shirin; validation reward: ${paid}`
        : `     Shirin's deposit and ${tokens(outcome.penalties)} of Babak's stake (the minority side) go to the winners with the reward: ${paid}`,
    );
  }
  await drainOutbox(app);
  const proof = await app.chain.getValidationProof({ contributionId: datanet.redraftId });
  out.say(
    `the outcomes are anchored on chain too: the rejection of #${datanet.redraftId} verifies against the registry: ${
      proof.state === 'anchored' || proof.state === 'batched' ? proof.verified : false
    }`,
  );
}
