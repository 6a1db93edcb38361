/**
 * Every bot message is sent in Telegram's HTML parse mode and built with the `html` tag below,
 * which escapes every interpolated string: user content can never inject markup or break parsing.
 *
 * Right-to-left text (Persian poetry) — the decision:
 * - Telegram lays out each line by its first strong character and its HTML has no `<bdi>`. So a
 *   user string inside one of our lines (a datanet or model name) is wrapped in FSI … PDI
 *   (U+2068 / U+2069): the run takes its own direction from its content and cannot pull the
 *   numbers and punctuation next to it into its order ("شعر فارسی (12 items)" stays readable).
 * - User text shown as a block (a poem, a model's answer) goes line by line with nothing of ours
 *   before it on the line, so each line is aligned by its own script (Persian right, English left).
 * - Explicit bidi controls in user text (LRE/RLE/PDF/LRO/RLO and the isolates) are removed first:
 *   an unbalanced override (U+202E) would otherwise reverse the rest of our message (spoofing).
 *   Marks (LRM/RLM) stay: they only nudge neutral characters and cannot leak.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlValue = Html | string | number | bigint | null | undefined | false | readonly HtmlValue[];

const FSI = '\u2068';
const PDI = '\u2069';
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Cuts by code points (never half a surrogate pair) and marks the cut. */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** A user string inside one of our lines: one line, escaped, direction-isolated. */
export function inline(text: string, maxChars = 200): Html {
  const oneLine = truncate(text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim(), maxChars);
  return new Html(`${FSI}${escapeHtml(oneLine)}${PDI}`);
}

/** User text as a block of its own lines (poems, answers), each aligned by its own script. */
export function block(text: string, maxChars = 3000): Html {
  const clean = truncate(text.replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').trim(), maxChars);
  return new Html(escapeHtml(clean));
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (value === null || value === undefined || value === false || value === '') return '';
  if (Array.isArray(value)) return value.map(render).join('');
  // Ids and counts have no direction of their own to isolate.
  if (typeof value === 'string') return /^\d+$/.test(value) ? value : inline(value).text;
  return String(value);
}

/** Template tag: the literal parts are our markup; every interpolated string is user content. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}

export function joinHtml(parts: readonly Html[], separator = '\n'): Html {
  return new Html(parts.map((p) => p.text).join(separator));
}

/** Our own fixed text (labels, hints): escaped but not isolated. */
export const text = (plain: string): Html => new Html(escapeHtml(plain));

/** A link with our label; the URL is escaped into the attribute. */
export const link = (url: string, label: Html): Html =>
  new Html(`<a href="${escapeHtml(url)}">${label.text}</a>`);
