import type { App } from '../app.ts';
import { segmentWords } from '../attribution/wordTokenizer.ts';
import type { ReceiptView } from '../inference/getReceipt.ts';
import { hashReceipt } from '../inference/receipt.ts';
import type { Model } from '../models/modelView.ts';
import { type Cast, nameOf } from './demoContext.ts';
import { type DemoPrinter, preview, tokens } from './demoPrinter.ts';

/**
 * One receipt in full, as the agent fetched it over MCP, with each attributed span's text and the
 * poem it came from. Span positions count the answer's word tokens (the model's tokenizer), so the
 * answer is segmented the same way to show the words; the span is then looked up in the poem.
 */
export async function printReceipt(app: App, out: DemoPrinter, cast: Cast, model: Model, r: ReceiptView) {
  const { receiptHash, anchor, private: mine, ...body } = r;
  const answer = mine?.answer ?? '';
  const words = segmentWords(answer);
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
  line(
    'attribution',
    `${r.attribution.creditedTokens} of ${r.answerTokens} answer tokens credited (spans of at least ${r.attribution.minSpan} tokens)` +
      (r.attribution.fallback ? '; none credited, so the whole snapshot was paid by size' : ''),
  );
  const sameTokens = words.length === r.answerTokens;
  for (const span of r.attribution.spans) {
    const text = sameTokens ? words.slice(span.start, span.end).join('') : '';
    out.say(`  span tokens ${span.start}–${span.end} (${span.length}): “${text.replace(/\n/g, ' / ')}”`);
    for (const c of span.contributions) {
      const poem = await app.contributions.get({ contributionId: c.contributionId });
      const found = text !== '' && poem.content.includes(text.trim());
      out.say(
        `     from #${c.contributionId} by ${nameOf(cast, poem.contributorAccountId)}: “${preview(poem.content, 44)}”` +
          ` (${c.occurrences} occurrence${c.occurrences === 1 ? '' : 's'}${found ? ', text found in the poem' : ''})`,
      );
    }
    if (span.more > 0) out.say(`     and ${span.more} more contributions`);
  }
  for (const c of r.attribution.contributions) {
    line(
      'contribution',
      `#${c.contributionId} by ${nameOf(cast, c.contributorAccountId)}: weight ${(c.weight * 100).toFixed(1)}% → ` +
        `data ${tokens(c.data)}, its validators ${tokens(c.validators)}`,
    );
  }
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
