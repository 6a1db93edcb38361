import { describeCredit } from '../../../src/inference/describeCredit.ts';
import type { ReceiptView } from '../../../src/inference/getReceipt.ts';
import type { Receipt } from '../../../src/inference/receipt.ts';
import { shownAmounts, shownPercents } from '../../../src/inference/shownShares.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { formatAmount, formatWhen } from './formatAmount.ts';
import { type Html, html, joinHtml, link, text } from './html.ts';
import { ht } from './translateHtml.ts';

const english = translator('en');

function renderParts(r: Receipt, tr: Translator = english): Html {
  const p = r.parts;
  const amount = (value: string) => formatAmount(BigInt(value), { tr });
  return ht(tr, 'receipt-parts', {
    developer: amount(p.developer),
    data: amount(p.data),
    validators: amount(p.validators),
    protocol: amount(p.protocol),
  });
}

function renderDrewOn(r: Receipt, max: number, tr: Translator = english): Html {
  const a = r.attribution;
  if (a.contributions.length === 0 || (a.fallback && a.basis !== 'evidence')) {
    return text(tr.t('receipt-no-credit'));
  }
  // Rounded so the shown percentages add up to 100.
  const percents = shownPercents(a.contributions.map((c) => BigInt(c.units)));
  const shown = a.contributions
    .slice(0, max)
    .map((c, i) => text(`#${c.contributionId} ${tr.figure(percents[i])}`));
  if (a.fallback) return ht(tr, 'receipt-sampled', { list: joinHtml(shown, ' · ') });
  const more =
    a.contributions.length > max
      ? html` ${ht(tr, 'receipt-more', { count: a.contributions.length - max })}`
      : '';
  return html`${ht(tr, 'receipt-drew-on', { list: joinHtml(shown, ' · ') })}${more}`;
}

/** The compact receipt under an answer: fee, where it went, whose data the answer used. */
export function renderReceiptSummary(r: Receipt, tr: Translator = english): Html {
  return html`${ht(tr, 'receipt-summary', { id: r.receiptId, fee: formatAmount(BigInt(r.fee), { tr }) })}
${ht(tr, 'receipt-paid', { parts: renderParts(r, tr) })}
${renderDrewOn(r, 5, tr)}`;
}

/** Everything a receipt proves: the split per contribution, every payout, the hash and its anchor. */
export function renderFullReceipt(r: ReceiptView, pageUrl?: string): Html {
  const a = r.attribution;
  // Rounded so what is shown adds up to the data and validator parts exactly.
  const percents = shownPercents(a.contributions.map((c) => BigInt(c.units)));
  const data = shownAmounts(a.contributions.map((c) => BigInt(c.data)));
  const validators = shownAmounts(a.contributions.map((c) => BigInt(c.validators)));
  const answer = r.private?.answer;
  const matched = (id: string) => {
    const span = a.spans.find((s) => s.chars && s.contributions[0]?.contributionId === id);
    const words = answer && span?.chars ? answer.slice(span.chars[0], span.chars[1]).trim() : '';
    return words ? html` “${text(clipText(words.replace(/\n/g, ' / '), 80))}”` : html``;
  };
  const contributions = a.contributions
    .slice(0, 15)
    .map(
      (c, i) =>
        html`• #${c.contributionId} — ${text(percents[i])}: data ${formatAmount(data[i])}, validators ${formatAmount(validators[i])}${matched(c.contributionId)}`,
    );
  const payouts = r.payouts.map(
    (p) =>
      html`• ${text(p.role === 'escrow' ? 'waiting for attribution (escrow)' : p.role)}${p.accountId ? text(` (account #${p.accountId})`) : ''}: ${formatAmount(BigInt(p.amount))}`,
  );
  return html`🧾 <b>Receipt #${r.receiptId}</b>
Model #${r.modelId} on datanet #${r.datanetId} · ${formatWhen(new Date(r.settledAt))}
Fee: <b>${formatAmount(BigInt(r.fee))}</b>
Split: ${renderParts(r)}

<b>Contributions</b> (${text(describeCredit(r))})
${contributions.length ? joinHtml(contributions) : renderDrewOn(r, 0)}

<b>Payouts</b>
${joinHtml(payouts)}
${r.neural ? renderNeural(r.neural) : html``}
Hash: <code>${text(r.receiptHash)}</code>
${r.anchor ? html`Anchored in receipt epoch ${r.anchor.epoch} (root <code>${text(r.anchor.root)}</code>).` : html`Not anchored on chain yet: it goes into the next receipt epoch.`}${
  pageUrl
    ? html`
${link(pageUrl, text('Public receipt page'))} (with whether its proof verifies on chain)`
    : html``
}`;
}

/** How a LoRA answer was attributed: spans alone, spans with influence, or influence still to come. */
function renderNeural(n: NonNullable<ReceiptView['neural']>): Html {
  const how = {
    computed: `spans ${Math.round((1 - n.influenceWeight) * 100)}% + gradient influence ${Math.round(n.influenceWeight * 100)}%`,
    pending:
      'gradient influence was not ready in time: the data and validator parts wait in escrow and are paid once it is',
    none: 'spans only (this adapter has no gradient features)',
  }[n.influence.status];
  return html`
LoRA adapter <code>${text(n.adapterSha256.slice(0, 12))}</code> on base model ${text(n.baseModel)}: ${text(how)}.
`;
}

const clipText = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
