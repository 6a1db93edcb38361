const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
]);

/**
 * What Telegram's HTML parse mode refuses, as far as a bot can trip over it: an unknown tag, a
 * bare `<` or `&`, an unknown entity, unbalanced tags. Returns the problem, or null when the
 * text would parse. Unescaped user content is exactly what this catches.
 */
export function checkTelegramHtml(text: string): string | null {
  const stack: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '&') {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(text.slice(i));
      if (!m) return `unsupported start tag or entity at byte offset ${i}`;
      i += m[0].length;
      continue;
    }
    if (ch === '>') return `unexpected end tag ">" at byte offset ${i}`;
    if (ch !== '<') {
      i += 1;
      continue;
    }
    const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/.exec(text.slice(i));
    if (!m || !TAGS.has(m[2])) return `unsupported start tag at byte offset ${i}`;
    const [whole, closing, name] = m;
    if (closing) {
      if (stack.pop() !== name) return `unmatched end tag "${name}" at byte offset ${i}`;
    } else {
      stack.push(name);
    }
    i += whole.length;
  }
  return stack.length ? `can't find end tag corresponding to start tag "${stack.at(-1)}"` : null;
}
