import { formatTokens } from '../../../src/shared/amount.ts';
import type { Translator } from '../../i18n/translator.ts';
import { escapeHtml, Html } from './html.ts';

/** The symbol of the Potluck token (PotluckToken.sol); amounts are always shown in token units. */
export const TOKEN_SYMBOL = 'POT';

/**
 * "1,234.5 POT": at most 4 decimals (enough to see a per-call share), tiny amounts in full so a
 * real payout never reads as 0, thousands grouped so large pools stay readable. With a
 * translator, in that language's digits ("۱٬۲۳۴٫۵ POT").
 */
export function formatAmount(amount: bigint, options: { signed?: boolean; tr?: Translator } = {}): Html {
  if (options.tr) return new Html(escapeHtml(options.tr.amount(amount, options)));
  const plain = formatTokens(amount < 0n ? -amount : amount, 4);
  const [whole, frac] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = amount < 0n ? '−' : options.signed && amount > 0n ? '+' : '';
  return new Html(`${sign}${grouped}${frac ? `.${frac}` : ''} ${TOKEN_SYMBOL}`);
}

/**
 * "2026-11-05 14:03 UTC": one unambiguous format for every reader; with a translator other than
 * English, that language's calendar and digits (still UTC).
 */
export function formatWhen(date: Date, tr?: Translator): Html {
  if (tr && tr.language !== 'en') return new Html(escapeHtml(tr.date(date)));
  return new Html(`${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}
