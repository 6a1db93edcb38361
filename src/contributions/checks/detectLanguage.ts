import { FROM_FRANC, LANGUAGES, lookupLanguage, RIVALS, type Script } from '../../shared/languageCodes.ts';
import { rankLanguages } from './rankLanguages.ts';
import { type ScriptProfile, scriptProfile } from './scriptProfile.ts';

export interface LanguageDetection {
  /** ISO 639-1 code where the table knows it, else franc's ISO 639-3 code, or 'und'. */
  language: string;
  /** Whether the datanet accepts this text's language (see the rules on detectLanguage). */
  allowed: boolean;
  /** 0–1: how clearly the detected language beats the next different language. 0 for 'und'. */
  confidence: number;
  /** Script with most letters: the only evidence left when a text is too short for franc. */
  script: Script;
  /** Letters counted; the caller can tell "short, not checked" from "checked". */
  letters: number;
}

/** Below this many letters franc's trigram statistics are noise, so no language is claimed. */
export const MIN_LETTERS = 20;

// Confidence comes from the gap between franc's top score (always 1) and the next different
// language's. franc divides distances by a bound that grows with the sample's length, so the same
// certainty gives a smaller gap on a longer sample: measured on unambiguous lines, about 0.3 at
// 50 characters and 0.15 at 200 (close relatives such as Spanish/Portuguese: about a third of
// that). clearGap() follows that line; a gap that large counts as certain. Full confidence also
// needs ~60 letters, as a single short line can fool trigram statistics.
function clearGap(sampleLength: number): number {
  return 0.12 + (0.18 * Math.max(0, Math.min(150, 200 - sampleLength))) / 150;
}
const CERTAIN_LETTERS = 60;
// An allowed language scoring within this of franc's top pick is taken instead of refusing.
const DOUBT_GAP = 0.1;
// franc sees at most this much: its cost is linear in the text, and on English poems it was over
// half of the whole pipeline; two or three lines decide the language about as well as a page.
const SAMPLE_CHARS = 120;

const WHITESPACE = /\s/;

// Arabic-script languages whose franc models the Persian shortcut below stands in for.
const PERSIAN_LOOKALIKES = new Set(['fa', 'ar', 'ur']);

/** Persian letters present, and none that Persian lacks (Arabic ة ك ي, Urdu, Pashto, ...). */
function looksPersian(p: ScriptProfile): boolean {
  return p.persianMarkers > 0 && p.arabicMarkers === 0 && p.otherArabicLetters === 0;
}

/** The first SAMPLE_CHARS characters, cut back to a word boundary so no trigram is half a word. */
function sample(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  let cut = SAMPLE_CHARS;
  while (cut > SAMPLE_CHARS / 2 && !WHITESPACE.test(text[cut])) cut--;
  return text.slice(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
}

const onlyCache = new Map<string, string[]>();

function francOnly(allowedFranc: string[]): string[] {
  const key = allowedFranc.join(',');
  let only = onlyCache.get(key);
  if (!only) {
    only = [...new Set([...allowedFranc, ...RIVALS])];
    if (onlyCache.size > 100) onlyCache.clear();
    onlyCache.set(key, only);
  }
  return only;
}

/**
 * Language of a normalised text, checked against the datanet's allowed ISO 639-1 codes.
 *
 * Rules, in order:
 * - An empty `allowed` list accepts every language.
 * - An allowed code this module cannot detect (not in languageCodes.ts) makes every text allowed:
 *   refusing texts we cannot judge would lock contributors out; isSupportedLanguage lets the
 *   datanet config reject such codes up front instead.
 * - Fewer than MIN_LETTERS letters: 'und', confidence 0, and allowed — except when the letters are
 *   (≥ 90%) in a script none of the allowed languages is written in, e.g. a short Latin line for a
 *   Persian-only datanet, which the script alone proves off-language.
 * - Otherwise franc, restricted to the allowed languages plus RIVALS, so that an off-language
 *   text is recognised as what it is rather than as the closest allowed language. Persian, Arabic
 *   and Urdu share most letters; when franc says Arabic or Urdu but the text has Persian-only
 *   letters and none that Persian lacks, it is Persian (and such a text skips franc entirely,
 *   see the shortcut in the code).
 * - If franc's top pick is not allowed but an allowed language scores within DOUBT_GAP of it,
 *   the text is taken as that language with confidence 0.1: a wrong refusal is worse than a
 *   doubtful item that validators can still reject.
 * - franc saying 'und' on a long text means a script nothing on the list uses: not allowed.
 */
export function detectLanguage(normalized: string, allowed: string[]): LanguageDetection {
  const profile = scriptProfile(normalized);
  const known = allowed.map(lookupLanguage);
  const anyLanguage = allowed.length === 0 || known.some((k) => k === undefined);
  const allowedCodes = new Set(known.flatMap((k) => (k ? [k[0]] : [])));
  const allowedScripts = new Set([...allowedCodes].map((c) => LANGUAGES[c].script));
  const base = { script: profile.dominant, letters: profile.letters };

  if (profile.letters < MIN_LETTERS) {
    const scriptRulesOut =
      profile.letters > 0 && profile.dominantShare >= 0.9 && !allowedScripts.has(profile.dominant);
    return { ...base, language: 'und', allowed: anyLanguage || !scriptRulesOut, confidence: 0 };
  }

  // Shortcut: franc (most of this pipeline's time) can only answer Persian, Arabic or Urdu for an
  // Arabic-script text, and the override below turns the last two into Persian whenever
  // looksPersian(), so such a text is Persian without asking. Not taken when the datanet lists
  // another Arabic-script language (franc might prefer Pashto, say) or does not accept Persian.
  if (
    profile.dominant === 'Arabic' &&
    profile.dominantShare >= 0.9 &&
    looksPersian(profile) &&
    (anyLanguage || allowedCodes.has('fa')) &&
    [...allowedCodes].every((c) => LANGUAGES[c].script !== 'Arabic' || PERSIAN_LOOKALIKES.has(c))
  ) {
    return {
      ...base,
      language: 'fa',
      allowed: true,
      confidence: Math.min(1, profile.letters / CERTAIN_LETTERS),
    };
  }

  const allowedFranc = [...allowedCodes].flatMap((c) => LANGUAGES[c].franc);
  const text = sample(normalized);
  // franc's ranking, computed faster (see rankLanguages).
  const ranked = rankLanguages(text, francOnly(allowedFranc));
  const [topCode] = ranked[0];
  if (topCode === 'und') {
    return { ...base, language: 'und', allowed: anyLanguage, confidence: 0 };
  }
  let language = FROM_FRANC.get(topCode) ?? topCode;
  // Runner-up among *different* languages: Persian's two franc codes (pes, prs) are not rivals.
  let runnerUp = 0;
  for (let i = 1; i < ranked.length; i++) {
    if ((FROM_FRANC.get(ranked[i][0]) ?? ranked[i][0]) !== language) {
      runnerUp = ranked[i][1];
      break;
    }
  }
  let confidence =
    Math.min(1, (1 - runnerUp) / clearGap(text.length)) * Math.min(1, profile.letters / CERTAIN_LETTERS);

  if ((language === 'ar' || language === 'ur') && looksPersian(profile)) {
    language = 'fa';
    // The letters say Persian but franc disagreed: keep it visibly unsure for validators.
    confidence = Math.min(confidence, 0.5);
  }
  if (!anyLanguage && !allowedCodes.has(language)) {
    // Benefit of the doubt: on a line or two franc's top pick can edge out the right language
    // ("My mother sang while the kettle burned" reads as Turkish, English a close second).
    // Refuse only when every allowed language trails clearly.
    const bestAllowed = ranked.find(([code]) => allowedCodes.has(FROM_FRANC.get(code) ?? code));
    if (bestAllowed && 1 - bestAllowed[1] < DOUBT_GAP) {
      return { ...base, language: FROM_FRANC.get(bestAllowed[0])!, allowed: true, confidence: 0.1 };
    }
  }
  return { ...base, language, allowed: anyLanguage || allowedCodes.has(language), confidence };
}
