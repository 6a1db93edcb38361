import { formatTokenAmount } from '../../../src/shared/formatTokenAmount.ts';
import type { Translator } from '../../i18n/translator.ts';
import { escapeHtml, Html } from './html.ts';

/** An amount as HTML ("1,234.5 POT"); with a translator, in that language's digits ("۱٬۲۳۴٫۵ POT"). */
export function formatAmount(amount: bigint, options: { signed?: boolean; tr?: Translator } = {}): Html {
  return new Html(
    escapeHtml(options.tr ? options.tr.amount(amount, options) : formatTokenAmount(amount, options)),
  );
}

/**
 * "2026-11-05 14:03 UTC": one unambiguous format for every reader; with a translator other than
 * English, that language's calendar and digits (still UTC).
 */
export function formatWhen(date: Date, tr?: Translator): Html {
  if (tr && tr.language !== 'en') return new Html(escapeHtml(tr.date(date)));
  return new Html(`${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}
