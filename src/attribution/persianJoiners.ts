/**
 * Persian writers join a verb prefix or a plural suffix to its word with a zero-width non-joiner
 * (می‌بارد), but many keyboards lack one, so the same word also arrives as میبارد or می بارد.
 * Matching folds the three spellings together; what is shown keeps the writer's own spelling.
 */
const ZWNJ = '\u200c';

// می/نمی before a word and ها/های… after one, when typed with a space where the ZWNJ belongs.
// Only these affixes: a space before any other word is a real word boundary.
const PREFIX = /(?<![\p{L}\p{M}])(ن?می) (?=\p{Script=Arabic})/gu;
const SUFFIX =
  /(?<=\p{Script=Arabic}) (ها|های|هایی|هایم|هایت|هایش|هایمان|هایتان|هایشان|ترین)(?![\p{L}\p{M}])/gu;

/**
 * The text with each affix space replaced by a ZWNJ: the same length, so a segment of the result
 * covers the same characters of the original, and the original spelling can be shown.
 */
export function joinPersianAffixes(text: string): string {
  return text.replace(PREFIX, `$1${ZWNJ}`).replace(SUFFIX, `${ZWNJ}$1`);
}

/**
 * A token's matching key: its leading whitespace (a glued space still separates words) and then
 * its text without ZWNJs or the affix spaces `joinPersianAffixes` folded into it.
 */
export function foldJoiners(token: string): string {
  const lead = /^\s*/u.exec(token)![0];
  if (lead.length === token.length) return token;
  const body = token.slice(lead.length).replace(/[\u200c ]/gu, '');
  return body.length > 0 ? lead + body : token;
}
