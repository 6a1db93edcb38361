import { AppError, badInput } from '../../errors.ts';
import { LANGUAGES } from '../../shared/languageCodes.ts';
import { detectLanguage, MIN_LETTERS } from './detectLanguage.ts';

export interface AutomaticCheckOptions {
  /** The datanet's ISO 639-1 codes; empty accepts any language. */
  allowedLanguages: string[];
  /** Hard limit on the normalised text's UTF-8 size. */
  maxBytes: number;
  /** Soft minimum length in characters (code points): shorter lowers the score. */
  minChars: number;
}

export interface AutomaticCheckResult {
  bytes: number;
  /** Code points, not UTF-16 units, so a Persian or emoji text counts what a reader sees. */
  chars: number;
  language: string;
  languageAllowed: boolean;
  languageConfidence: number;
  /** 0–100, shown to validators; a hint, never a decision. */
  score: number;
  /** Human-readable, for validators. When languageAllowed is false the first one is the refusal
   * message for the contributor, naming the languages the datanet accepts. */
  problems: string[];
}

// Character classes, cached per UTF-16 code unit as first seen (regex per unit only once).
const UNSEEN = 0;
const LETTER = 1; // letters and combining marks
const SPACE = 2;
const OTHER = 3; // digits, punctuation, symbols, format characters such as ZWNJ
const BAD = 4; // U+FFFD, private use, unassigned, control: what a reader sees as boxes or nothing
const unitClass = new Uint8Array(0x10000);
const BAD_CHAR = /^(?:[\uFFFD\p{Co}\p{Cn}]|[^\P{Cc}\t\n])$/u;

function classify(ch: string): number {
  if (BAD_CHAR.test(ch)) return BAD;
  if (/^[\p{L}\p{M}]$/u.test(ch)) return LETTER;
  return /^\s$/.test(ch) ? SPACE : OTHER;
}

const LONG_RUN = 20;

function languageName(code: string): string {
  return Object.hasOwn(LANGUAGES, code) ? `${LANGUAGES[code].name} (${code})` : code;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * The automatic checks shown to validators, on a text already passed through normalizeText.
 *
 * Hard refusals throw: empty text (BAD_INPUT), more than maxBytes (TOO_LARGE), and text that is
 * not valid Unicode, i.e. would not encode as UTF-8 (BAD_INPUT). Everything else lowers `score`
 * and adds a line to `problems`.
 *
 * Off-language text does not throw here: `languageAllowed` is false and problems[0] says which
 * languages the datanet accepts. The contribution use case must refuse it (BAD_INPUT with that
 * message); keeping the decision there lets it, not this pure check, own product policy (say,
 * letting a datanet owner override). Texts too short to judge (under 20 letters) are allowed with
 * a note, see detectLanguage.
 *
 * Score, out of 100: language 30 (allowed, scaled by confidence; half when undetermined), length
 * 20 (vs minChars), printable characters 20, repeated lines 20, letters vs digits/symbols 10;
 * minus 5 for a letter repeated 20+ times in a row.
 */
export function runAutomaticChecks(normalized: string, opts: AutomaticCheckOptions): AutomaticCheckResult {
  const bytes = Buffer.byteLength(normalized, 'utf8');
  if (bytes > opts.maxBytes) {
    throw new AppError('TOO_LARGE', `The text is ${bytes} bytes; the limit is ${opts.maxBytes} bytes.`, {
      bytes,
      limit: opts.maxBytes,
    });
  }

  let chars = 0;
  let letters = 0;
  let spaces = 0;
  let bad = 0;
  let run = 0;
  let longestRun = 0;
  let previous = -1;
  for (let i = 0; i < normalized.length; i++) {
    const unit = normalized.charCodeAt(i);
    let cls: number;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      // A lone surrogate (JSON.parse('"\\ud800"') makes one) has no UTF-8 encoding.
      const low = normalized.charCodeAt(i + 1);
      if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) {
        throw badInput('The text is not valid Unicode (it cannot be encoded as UTF-8).');
      }
      // Astral code points are rare here: classified without the cache.
      cls = classify(normalized.slice(i, i + 2));
      i++;
    } else {
      cls = unitClass[unit];
      if (cls === UNSEEN) cls = unitClass[unit] = classify(normalized[i]);
    }
    chars++;
    if (cls === LETTER) letters++;
    else if (cls === SPACE) spaces++;
    else if (cls === BAD) bad++;
    // Letters only: rows of dashes or equals signs are layout (Markdown rules, tables), while
    // "aaaaaaaaaaaaaaaaaaaaaa" is padding.
    if (cls === LETTER && unit === previous) {
      run++;
      if (run > longestRun) longestRun = run;
    } else {
      run = 1;
    }
    previous = unit;
  }
  if (chars === spaces) {
    throw badInput('The text is empty once spaces and invisible characters are removed.');
  }
  const visible = chars - spaces;

  const problems: string[] = [];
  let score = 0;

  const lang = detectLanguage(normalized, opts.allowedLanguages);
  const accepted = opts.allowedLanguages.map(languageName).join(', ');
  if (!lang.allowed) {
    // 'und' here means the script alone ruled the text out (see detectLanguage).
    const what =
      lang.language !== 'und'
        ? `This looks like ${languageName(lang.language)}`
        : lang.script === 'other'
          ? 'This text is in a script none of the accepted languages use'
          : `This text is in ${lang.script} script`;
    problems.push(`${what}; this datanet accepts ${accepted}.`);
  } else if (lang.language === 'und') {
    score += 15;
    if (lang.letters < MIN_LETTERS) {
      problems.push(`Language not checked: fewer than ${MIN_LETTERS} letters.`);
    } else {
      problems.push('Language could not be determined.');
    }
  } else {
    score += 30 * (0.5 + 0.5 * lang.confidence);
    if (lang.confidence < 0.3) {
      problems.push(`Language uncertain: probably ${languageName(lang.language)}.`);
    }
  }

  score += 20 * clamp01(chars / Math.max(1, opts.minChars));
  if (chars < opts.minChars) {
    problems.push(`Short: ${chars} characters, the datanet expects at least ${opts.minChars}.`);
  }

  const printable = 1 - bad / visible;
  score += 20 * clamp01((printable - 0.9) / 0.1);
  if (bad > 0) {
    problems.push(
      `${bad} character(s) cannot be displayed (replacement, private-use or unassigned characters).`,
    );
  }

  // Case-folded, trimmed lines; a refrain or two is poetry, most lines repeated is padding.
  let lineCount = 0;
  let repeated = 0;
  const seen = new Set<string>();
  for (const raw of normalized.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    lineCount++;
    const key = line.toLowerCase();
    if (seen.has(key)) repeated++;
    else seen.add(key);
  }
  const repeatedShare = lineCount < 3 ? 0 : repeated / lineCount;
  // A villanelle repeats about a third of its lines, so only more than 40% counts as padding.
  score += 20 * clamp01(1 - (repeatedShare - 0.4) / 0.4);
  if (repeatedShare > 0.4) {
    problems.push(`${Math.round(repeatedShare * 100)}% of the lines repeat an earlier line.`);
  }

  const letterShare = letters / visible;
  score += 10 * clamp01(letterShare / 0.6);
  if (letterShare < 0.5) problems.push('Mostly digits, punctuation or symbols rather than words.');

  if (longestRun >= LONG_RUN) {
    score -= 5;
    problems.push(`A letter is repeated ${longestRun} times in a row.`);
  }

  return {
    bytes,
    chars,
    language: lang.language,
    languageAllowed: lang.allowed,
    languageConfidence: lang.confidence,
    score: Math.max(0, Math.min(100, Math.round(score))),
    problems,
  };
}
