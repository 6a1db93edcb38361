import type { ReceiptView } from '../../../src/inference/getReceipt.ts';
import type { Receipt } from '../../../src/inference/receipt.ts';
import { formatAmount, formatWhen } from './formatAmount.ts';
import { type Html, html, joinHtml, text } from './html.ts';

const pct = (weight: number) => `${Math.round(weight * 1000) / 10}%`;

function renderParts(r: Receipt): Html {
  const p = r.parts;
  return html`developer ${formatAmount(BigInt(p.developer))} · data ${formatAmount(BigInt(p.data))} · validators ${formatAmount(BigInt(p.validators))} · protocol ${formatAmount(BigInt(p.protocol))}`;
}

function renderDrewOn(r: Receipt, max: number): Html {
  const a = r.attribution;
  if (a.fallback || a.contributions.length === 0) {
    return html`No passage was long enough to credit: the data and validator shares went to the whole snapshot, by size.`;
  }
  const shown = a.contributions.slice(0, max).map((c) => text(`#${c.contributionId} ${pct(c.weight)}`));
  const more = a.contributions.length > max ? text(` and ${a.contributions.length - max} more`) : '';
  return html`Drew on: ${joinHtml(shown, ' · ')}${more}`;
}

/** The compact receipt under an answer: fee, where it went, whose data the answer used. */
export function renderReceiptSummary(r: Receipt): Html {
  return html`🧾 Receipt #${r.receiptId} · fee ${formatAmount(BigInt(r.fee))}
Paid: ${renderParts(r)}
${renderDrewOn(r, 5)}`;
}

/** Everything a receipt proves: the split per contribution, every payout, the hash and its anchor. */
export function renderFullReceipt(r: ReceiptView): Html {
  const a = r.attribution;
  const contributions = a.contributions
    .slice(0, 15)
    .map(
      (c) =>
        html`• #${c.contributionId} — ${text(pct(c.weight))}: data ${formatAmount(BigInt(c.data))}, validators ${formatAmount(BigInt(c.validators))}`,
    );
  const payouts = r.payouts.map(
    (p) =>
      html`• ${text(p.role)}${p.accountId ? text(` (account #${p.accountId})`) : ''}: ${formatAmount(BigInt(p.amount))}`,
  );
  return html`🧾 <b>Receipt #${r.receiptId}</b>
Model #${r.modelId} on datanet #${r.datanetId} · ${formatWhen(new Date(r.settledAt))}
Fee: <b>${formatAmount(BigInt(r.fee))}</b>
Split: ${renderParts(r)}

<b>Contributions</b> (${a.creditedTokens} of ${r.answerTokens} answer tokens credited, spans of ${a.minSpan}+)
${contributions.length ? joinHtml(contributions) : renderDrewOn(r, 0)}

<b>Payouts</b>
${joinHtml(payouts)}

Hash: <code>${text(r.receiptHash)}</code>
${r.anchor ? html`Anchored in receipt epoch ${r.anchor.epoch} (root <code>${text(r.anchor.root)}</code>).` : html`Not anchored on chain yet: it goes into the next receipt epoch.`}`;
}
