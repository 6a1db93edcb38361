/**
 * Canonical form of a contributed text. Everything downstream (the sha256 that refuses exact
 * duplicates, MinHash, language detection, the stored text) sees this form, so two submissions that
 * look the same on screen should normalise to the same string, and normalising twice must change
 * nothing (tested with fast-check).
 *
 * Deliberately kept:
 * - U+200C ZWNJ: Persian writes "می‌روم" with it; dropping it changes the word.
 * - U+200D ZWJ: it joins emoji sequences and some Indic conjuncts, so it is visible.
 * - Bidi marks and embeddings (U+200E/F, U+061C, U+202A–E, U+2066–9): in mixed Persian/English
 *   lines they move punctuation and words on screen.
 * - Leading indentation of lines other than the first (poems use it).
 */

// Lone UTF-16 surrogates cannot be encoded as UTF-8 (JSON.parse('"\\ud800"') yields one), so they
// become U+FFFD here; the automatic checks then count them as unprintable.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Most texts have no surrogates at all; this plain scan is far cheaper than the lookarounds above
// (which were the costliest of these passes in bench/checks.ts's profile).
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

// Invisible characters that change nothing on screen: ZWSP, word joiner, invisible math operators,
// BOM / ZWNBSP (anywhere, not only at the start), soft hyphen; and C0/C1 control characters other
// than tab and newline (a NUL would also make Postgres refuse the text).
const INVISIBLE_JUNK = /[\u200B\u2060-\u2064\uFEFF\u00AD]|[^\P{Cc}\t\n]/gu;

// U+0085 (NEL), U+2028 and U+2029 are line breaks to some software and invisible to the rest;
// treating them as LF keeps line-based rules (trailing spaces, repeated lines) honest.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;

// Whitespace other than LF at the end of a line.
const TRAILING_SPACE = /[^\S\n]+(?=\n|$)/g;

// Four or more LFs are three or more blank lines; keep two.
const BLANK_RUN = /\n{4,}/g;

export function normalizeText(raw: string): string {
  // Line breaks first so that a CR is not mistaken for a control character and deleted; junk
  // before NFC because removing a ZWSP between a letter and a combining mark lets them compose,
  // and NFC must run after that for the result to be stable.
  return (ANY_SURROGATE.test(raw) ? raw.replace(LONE_SURROGATE, '\uFFFD') : raw)
    .replace(LINE_BREAKS, '\n')
    .replace(INVISIBLE_JUNK, '')
    .normalize('NFC')
    .replace(TRAILING_SPACE, '')
    .replace(BLANK_RUN, '\n\n\n')
    .trim();
}
