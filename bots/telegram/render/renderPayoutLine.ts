import type { Earning, EarningSource } from '../../../src/rewards/listEarningsSince.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { formatAmount, formatWhen } from './formatAmount.ts';
import { type Html, html } from './html.ts';
import { roleLabel } from './roleLabel.ts';
import { ht } from './translateHtml.ts';

/** "model Verse Weaver on Persian Poetry", "Persian Poetry", or nothing when unknown. */
export function renderSource(
  s: Pick<EarningSource, 'datanetName' | 'modelName'>,
  tr: Translator = translator('en'),
): Html {
  if (s.modelName && s.datanetName)
    return ht(tr, 'source-model-on', { model: s.modelName, datanet: s.datanetName });
  if (s.modelName) return ht(tr, 'source-model', { model: s.modelName });
  if (s.datanetName) return html`${s.datanetName}`;
  return ht(tr, 'source-other');
}

/** "+1.5 POT as validator · Persian Poetry · 2026-11-05 14:03 UTC" */
export function renderPayoutLine(e: Earning, tr: Translator = translator('en')): Html {
  const where = e.datanetName || e.modelName ? html` · ${renderSource(e, tr)}` : '';
  return html`• ${formatAmount(e.amount, { signed: true, tr })} ${roleLabel(e.role, tr)}${where} · ${formatWhen(e.at, tr)}`;
}
