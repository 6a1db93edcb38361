import type { SubmitContributionsResult } from '../src/contributions/submitContributions.ts';
import type { Cast, DemoContext } from './demoContext.ts';
import { preview, tokens, tokensText } from './demoPrinter.ts';
import { drainOutbox } from './drainOutbox.ts';
import { KETTLE_REDRAFT, OFF_LANGUAGE_POEM, POEMS } from './poems.ts';

export interface PoetryDatanet {
  datanetId: string;
  deposit: bigint;
  /** Accepted contribution id → its text, in submission order. */
  texts: Map<string, string>;
  /** The near-duplicate redraft the validators will turn down. */
  redraftId: string;
}

const ONE = 10n ** 18n;

/** Shirin opens the datanet, funds its validation rewards, and contributes from Discord and Telegram. */
export async function contributePoems(ctx: DemoContext, cast: Cast): Promise<PoetryDatanet> {
  const { app, out, book } = ctx;
  const poet = cast.poet.accountId;
  out.step('Shirin opens the "Persian Poetry" datanet');
  const datanet = await app.datanets.create({
    ownerAccountId: poet,
    name: 'Persian Poetry',
    description: 'Short poems in Persian (and English), for a model that writes Persian poetry.',
    languages: ['fa', 'en'],
    deposit: ONE,
    minStake: 10n * ONE,
    quorumVotes: 3,
    approvalBps: 6667,
    validationReward: ONE / 2n,
  });
  out.say(
    `datanet #${datanet.id}: languages fa, en · deposit ${tokens(datanet.deposit)} per poem · ` +
      `validators stake ≥ ${tokens(datanet.minStake)} · decided by ${datanet.quorumVotes} votes and 66.67% of stake`,
  );
  const pool = 5n * ONE;
  await app.datanets.fundPool({
    accountId: poet,
    datanetId: datanet.id,
    amount: pool,
    idempotencyKey: 'pool',
  });
  book.move(poet, `pool:${datanet.id}`, pool, 'pool funding');
  out.say(
    `Shirin puts ${tokensText(pool)} in its reward pool: validators earn ${tokens(datanet.validationReward)} per decision`,
  );

  out.step('Shirin contributes poems from Discord: each is hashed, checked, and its deposit locked');
  const texts = new Map<string, string>();
  const items = [...POEMS.map((p) => p.text), OFF_LANGUAGE_POEM];
  const first = await app.contributions.submit({
    accountId: poet,
    datanetId: datanet.id,
    items: items.map((text) => ({ text })),
    idempotencyKey: 'discord-upload',
  });
  report(ctx, first, items, texts);
  book.move(poet, 'system:escrow', first.depositTotal, 'deposit');

  out.step('From Telegram she sends "Rain" again by mistake, and a redraft of "Kettle"');
  const viaTelegram = await app.accounts.resolveIdentity({ identity: cast.poet.telegram });
  const secondItems = [POEMS[0].text, KETTLE_REDRAFT];
  const second = await app.contributions.submit({
    accountId: viaTelegram.accountId,
    datanetId: datanet.id,
    items: secondItems.map((text) => ({ text })),
    idempotencyKey: 'telegram-upload',
  });
  report(ctx, second, secondItems, texts);
  book.move(poet, 'system:escrow', second.depositTotal, 'deposit');
  const redraftId = second.accepted[0]?.contributionId;
  if (!redraftId) throw new Error('the redraft was not accepted');

  // Proof of Attribution starts here: who contributed what is anchored on chain in a Merkle batch.
  await drainOutbox(app);
  const proof = await app.chain.getContributionProof({ contributionId: [...texts.keys()][0] });
  if (proof.state === 'queued') throw new Error('the contribution was not anchored');
  out.say(
    `anchored on chain: batch ${proof.batch.id} of ${proof.batch.count} contributions, root ${short(proof.batch.root)}, ` +
      `tx ${short(proof.batch.txHash ?? '')}, registry says verified: ${proof.verified}`,
  );
  return { datanetId: datanet.id, deposit: datanet.deposit, texts, redraftId };
}

function report(
  ctx: DemoContext,
  result: SubmitContributionsResult,
  items: string[],
  texts: Map<string, string>,
) {
  for (const a of result.accepted) {
    texts.set(a.contributionId, items[a.index]);
    const flag = a.nearDuplicateOf
      ? `  ⚠ near-duplicate of #${a.nearDuplicateOf} (similarity ${a.nearDuplicateSimilarity?.toFixed(2)}), flagged for validators`
      : '';
    ctx.out.say(
      `✓ #${a.contributionId} ${a.language}  checks ${Math.round(a.checkScore)}/100  “${preview(items[a.index], 40)}”${flag}`,
    );
  }
  for (const r of result.refused) {
    ctx.out.say(`✗ refused “${preview(items[r.index], 40)}”: ${r.code}, ${r.message}`);
  }
  ctx.out.say(
    `${result.accepted.length} accepted, ${result.refused.length} refused; deposits locked: ${tokensText(result.depositTotal)}`,
  );
}

export const short = (hex: string) => (hex.length > 14 ? `${hex.slice(0, 10)}…${hex.slice(-4)}` : hex);
