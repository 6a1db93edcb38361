import type { EarningsSince } from '../../../src/ledger/listEarningsSince.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { roleLabel } from '../render/roleLabel.ts';

/** One batched notification: the sum since the last one, split by role. */
export function renderEarningsNotification(earned: EarningsSince): Html {
  const parts = Object.entries(earned.byRole).map(
    ([role, amount]) => html`${roleLabel(role)} ${formatAmount(amount)}`,
  );
  const payouts = text(earned.count === 1 ? '1 payout' : `${earned.count} payouts`);
  return html`🔔 You earned <b>${formatAmount(earned.total)}</b> (${payouts})
${joinHtml(parts, ' · ')}
See /rewards for your balance. Turn these off with /notify off.`;
}
