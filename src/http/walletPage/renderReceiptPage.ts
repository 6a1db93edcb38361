import { formatTokenAmount } from '../../shared/formatTokenAmount.ts';
import type { PublicReceipt } from '../../walletPage/getPublicReceipt.ts';
import { esc, layout } from './html.ts';

const pot = (v: string) => esc(formatTokenAmount(BigInt(v)));

/** A receipt, public: fee and split, credited spans, contributions and shares, payouts, the anchor. */
export function renderReceiptPage({ receipt: r, verifiesOnChain }: PublicReceipt): string {
  const a = r.attribution;
  const spans = a.spans
    .map(
      (s) =>
        `<tr><td>${esc(s.start)}–${esc(s.end)}</td><td>${esc(s.length)}</td><td>${s.contributions
          .map((c) => `#${esc(c.contributionId)} ×${esc(c.occurrences)}`)
          .join(', ')}${s.more > 0 ? ` +${esc(s.more)}` : ''}</td></tr>`,
    )
    .join('');
  const contributions = a.contributions
    .map(
      (c) =>
        `<tr><td>#${esc(c.contributionId)}</td><td>${esc((c.weight * 100).toFixed(2))}%</td><td>${pot(c.data)}</td><td>${pot(c.validators)}</td></tr>`,
    )
    .join('');
  const payouts = r.payouts
    .map(
      (p) =>
        `<tr><td>${esc(p.role)}</td><td>${p.accountId ? `#${esc(p.accountId)}` : '—'}</td><td>${pot(p.amount)}</td></tr>`,
    )
    .join('');
  const verdict =
    verifiesOnChain === true
      ? '<span class="yes" id="verified">verifies on chain</span>'
      : verifiesOnChain === false
        ? '<span class="no" id="verified">does NOT verify on chain</span>'
        : '<span id="verified">not on chain yet</span>';
  const anchor = r.anchor
    ? `<dl><dt>Epoch</dt><dd>${esc(r.anchor.epoch)}</dd><dt>Root</dt><dd>${esc(r.anchor.root)}</dd>
<dt>Proof</dt><dd>${r.anchor.proof.map((p) => esc(p)).join('<br>') || '(single leaf)'}</dd><dt>Registry</dt><dd>${verdict}</dd></dl>`
    : '<p id="verified">Not anchored yet: receipts are anchored in batches.</p>';
  return layout(
    `Receipt #${r.receiptId}`,
    `<h1>Receipt #${esc(r.receiptId)}</h1>
<dl><dt>Model</dt><dd>#${esc(r.modelId)}</dd><dt>Datanet</dt><dd>#${esc(r.datanetId)}</dd>
<dt>Fee</dt><dd id="fee">${pot(r.fee)}</dd>
<dt>Split</dt><dd>developer ${pot(r.parts.developer)} · data ${pot(r.parts.data)} · validators ${pot(r.parts.validators)} · protocol ${pot(r.parts.protocol)}</dd>
<dt>Receipt hash</dt><dd>${esc(r.receiptHash)}</dd><dt>Prompt / answer SHA-256</dt><dd>${esc(r.promptSha256)}<br>${esc(r.answerSha256)}</dd>
<dt>Settled</dt><dd>${esc(r.settledAt)}</dd></dl>
<h2>Spans</h2><p>${esc(a.creditedTokens)} of ${esc(r.answerTokens)} answer tokens credited (minimum span ${esc(a.minSpan)})${a.fallback ? '; none matched, so the share followed ' + esc(a.basis ?? 'the snapshot') : ''}.</p>
<table><thead><tr><th>tokens</th><th>length</th><th>contributions</th></tr></thead><tbody>${spans}</tbody></table>
<h2>Contributions and shares</h2>
<table><thead><tr><th>contribution</th><th>share</th><th>data</th><th>validators</th></tr></thead><tbody>${contributions}</tbody></table>
<h2>Payouts</h2>
<table><thead><tr><th>role</th><th>account</th><th>amount</th></tr></thead><tbody>${payouts}</tbody></table>
<h2>Anchored proof</h2>${anchor}`,
  );
}
