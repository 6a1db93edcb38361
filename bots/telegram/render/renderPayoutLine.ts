import type { Earning, EarningSource } from '../../../src/ledger/listEarningsSince.ts';
import { formatAmount, formatWhen } from './formatAmount.ts';
import { type Html, html } from './html.ts';
import { roleLabel } from './roleLabel.ts';

/** "model Verse Weaver on Persian Poetry", "Persian Poetry", or nothing when unknown. */
export function renderSource(s: Pick<EarningSource, 'datanetName' | 'modelName'>): Html {
  if (s.modelName && s.datanetName) return html`model ${s.modelName} on ${s.datanetName}`;
  if (s.modelName) return html`model ${s.modelName}`;
  if (s.datanetName) return html`${s.datanetName}`;
  return html`other`;
}

/** "+1.5 POT as validator · Persian Poetry · 2026-11-05 14:03 UTC" */
export function renderPayoutLine(e: Earning): Html {
  const where = e.datanetName || e.modelName ? html` · ${renderSource(e)}` : '';
  return html`• ${formatAmount(e.amount, { signed: true })} ${roleLabel(e.role)}${where} · ${formatWhen(e.at)}`;
}
