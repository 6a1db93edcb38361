import type { App } from '../src/app.ts';
import { describeCredit } from '../src/inference/describeCredit.ts';
import type { ReceiptView } from '../src/inference/getReceipt.ts';
import { hashReceipt } from '../src/inference/receipt.ts';
import { shownAmounts, shownPercents } from '../src/inference/shownShares.ts';
import type { Model } from '../src/models/modelStore.ts';
import { type Cast, nameOf } from './demoContext.ts';
import { type DemoPrinter, tokens } from './demoPrinter.ts';

/**
 * One receipt in full, as the agent fetched it over MCP, with each attributed span's matched text
 * (its characters in the answer, which only the caller sees) and the poems holding it. Shares are
 * shown rounded so they add up to the data and validator parts exactly.
 */
export async function printReceipt(app: App, out: DemoPrinter, cast: Cast, model: Model, r: ReceiptView) {
  const { receiptHash, anchor, private: mine, ...body } = r;
  const answer = mine?.answer ?? '';
  const line = (label: string, text: string) => out.say(`${label.padEnd(14)} ${text}`);
  out.heading(`One receipt in full: #${r.receiptId}, as Hoopoe fetched it over MCP (get_receipt)`);
  line('model', `#${r.modelId} "${model.name}" on datanet #${r.datanetId}`);
  line('artifact', r.artifactHash);
  line('snapshot root', r.snapshotRoot);
  line(
    'fee',
    `${tokens(r.fee)} = developer ${tokens(r.parts.developer)} + data ${tokens(r.parts.data)} + ` +
      `validators ${tokens(r.parts.validators)} + protocol ${tokens(r.parts.protocol)}`,
  );
  line(
    'sampling',
    `temperature ${r.sampling.temperature}, top-k ${r.sampling.topK}, seed ${r.sampling.seed}, ` +
      `at most ${r.sampling.maxTokens} tokens; stopped by ${r.stopReason}`,
  );
  line(
    'prompt',
    `“${mine?.prompt}” (sha256 ${r.promptSha256.slice(0, 16)}…; the text is shown to the caller only)`,
  );
  line(
    'answer',
    `“${answer.replace(/\n/g, ' / ')}” (${r.answerTokens} tokens, sha256 ${r.answerSha256.slice(0, 16)}…)`,
  );
  line('attribution', describeCredit(r));
  for (const span of r.attribution.spans) {
    const text = span.chars ? answer.slice(span.chars[0], span.chars[1]) : '';
    out.say(`  span tokens ${span.start}–${span.end} (${span.length}): “${text.replace(/\n/g, ' / ')}”`);
    for (const c of span.contributions) {
      const poem = await app.contributions.get({ contributionId: c.contributionId });
      const found = text.trim() !== '' && poem.content.includes(text.trim());
      out.say(
        `     from #${c.contributionId} by ${nameOf(cast, poem.contributorAccountId)}` +
          ` (${c.occurrences} occurrence${c.occurrences === 1 ? '' : 's'}${found ? ', text found in the poem' : ''})`,
      );
    }
    if (span.more > 0) out.say(`     and ${span.more} more contributions`);
    if (span.promptTokens)
      out.say(`     (the match begins ${span.promptTokens} tokens earlier, in the prompt)`);
  }
  const cs = r.attribution.contributions;
  const percents = shownPercents(cs.map((c) => BigInt(c.units)));
  const data = shownAmounts(cs.map((c) => BigInt(c.data)));
  const validators = shownAmounts(cs.map((c) => BigInt(c.validators)));
  cs.forEach((c, i) => {
    line(
      'contribution',
      `#${c.contributionId} by ${nameOf(cast, c.contributorAccountId)}: weight ${percents[i]} → ` +
        `data ${tokens(data[i])}, its validators ${tokens(validators[i])}`,
    );
  });
  for (const p of r.payouts)
    line('payout', `${nameOf(cast, p.accountId).padEnd(17)} ${p.role.padEnd(11)} ${tokens(p.amount)}`);
  const recomputed = hashReceipt(body);
  line(
    'receipt hash',
    `${receiptHash} (recomputed from the fields above: ${recomputed === receiptHash ? 'matches' : 'DIFFERS'})`,
  );
  line(
    'anchored',
    anchor
      ? `receipt epoch ${anchor.epoch}, Merkle root ${anchor.root.slice(0, 18)}…, proof of ${anchor.proof.length} hashes`
      : 'not yet (receipts are anchored in epochs)',
  );
  return recomputed === receiptHash;
}
