import type { EarningsSince } from '../../../src/rewards/listEarningsSince.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { roleLabel } from '../render/roleLabel.ts';
import { ht } from '../render/translateHtml.ts';

/** One batched notification: the sum since the last one, split by role. */
export function renderEarningsNotification(earned: EarningsSince, tr: Translator = translator('en')): Html {
  const parts = Object.entries(earned.byRole).map(
    ([role, amount]) => html`${roleLabel(role, tr)} ${formatAmount(amount, { tr })}`,
  );
  return html`${ht(tr, 'notify-earned', {
    amount: html`<b>${formatAmount(earned.total, { tr })}</b>`,
    payouts: text(tr.t('notify-payouts', { count: earned.count })),
  })}
${joinHtml(parts, ' · ')}
${text(tr.t('notify-footer'))}`;
}
