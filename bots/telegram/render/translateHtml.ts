import type { Translator } from '../../i18n/translator.ts';
import { escapeHtml, Html, type HtmlValue, html } from './html.ts';

const SLOT = /\uE000(\d+)\uE001/g;

/**
 * A catalogue message as Telegram HTML. The catalogue is plain text, so the message is escaped;
 * arguments go in as the `html` tag renders them (our markup kept, user strings escaped and
 * direction-isolated), through private-use placeholders so Fluent never sees markup. Numbers go
 * to Fluent itself, which writes them in the language's digits.
 */
export function ht(tr: Translator, id: string, args: Record<string, HtmlValue | number> = {}): Html {
  const rendered: string[] = [];
  const fluentArgs: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'number') fluentArgs[name] = value;
    else {
      fluentArgs[name] = `\uE000${rendered.length}\uE001`;
      rendered.push(html`${value}`.text);
    }
  }
  return new Html(escapeHtml(tr.t(id, fluentArgs)).replace(SLOT, (_, i) => rendered[Number(i)] ?? ''));
}
