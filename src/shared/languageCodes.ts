/**
 * Datanet configs name languages by ISO 639-1 (`fa`, `en`); franc answers in ISO 639-3 and splits
 * some macrolanguages (Iranian Persian `pes` and Dari `prs` are both `fa` to us). This table is the
 * only place the two meet. `script` feeds the cheap script check in detectLanguage.
 */
export type Script = 'Arabic' | 'Latin' | 'Cyrillic' | 'other';

export interface LanguageInfo {
  name: string;
  /** franc codes that mean this language; the first is the one franc actually detects. */
  franc: readonly string[];
  script: Script;
}

export const LANGUAGES: Readonly<Record<string, LanguageInfo>> = {
  fa: { name: 'Persian', franc: ['pes', 'prs', 'fas'], script: 'Arabic' },
  en: { name: 'English', franc: ['eng'], script: 'Latin' },
  ar: { name: 'Arabic', franc: ['arb', 'ara'], script: 'Arabic' },
  ur: { name: 'Urdu', franc: ['urd'], script: 'Arabic' },
  ps: { name: 'Pashto', franc: ['pbu', 'pus'], script: 'Arabic' },
  es: { name: 'Spanish', franc: ['spa'], script: 'Latin' },
  fr: { name: 'French', franc: ['fra'], script: 'Latin' },
  de: { name: 'German', franc: ['deu'], script: 'Latin' },
  pt: { name: 'Portuguese', franc: ['por'], script: 'Latin' },
  it: { name: 'Italian', franc: ['ita'], script: 'Latin' },
  nl: { name: 'Dutch', franc: ['nld'], script: 'Latin' },
  tr: { name: 'Turkish', franc: ['tur'], script: 'Latin' },
  az: { name: 'Azerbaijani', franc: ['azj', 'aze'], script: 'Latin' },
  uz: { name: 'Uzbek', franc: ['uzn', 'uzb'], script: 'Latin' },
  id: { name: 'Indonesian', franc: ['ind'], script: 'Latin' },
  ms: { name: 'Malay', franc: ['zlm', 'msa'], script: 'Latin' },
  pl: { name: 'Polish', franc: ['pol'], script: 'Latin' },
  cs: { name: 'Czech', franc: ['ces'], script: 'Latin' },
  ro: { name: 'Romanian', franc: ['ron'], script: 'Latin' },
  hu: { name: 'Hungarian', franc: ['hun'], script: 'Latin' },
  sv: { name: 'Swedish', franc: ['swe'], script: 'Latin' },
  da: { name: 'Danish', franc: ['dan'], script: 'Latin' },
  no: { name: 'Norwegian', franc: ['nob', 'nno', 'nor'], script: 'Latin' },
  fi: { name: 'Finnish', franc: ['fin'], script: 'Latin' },
  vi: { name: 'Vietnamese', franc: ['vie'], script: 'Latin' },
  sw: { name: 'Swahili', franc: ['swh', 'swa'], script: 'Latin' },
  tl: { name: 'Tagalog', franc: ['tgl'], script: 'Latin' },
  ru: { name: 'Russian', franc: ['rus'], script: 'Cyrillic' },
  uk: { name: 'Ukrainian', franc: ['ukr'], script: 'Cyrillic' },
  bg: { name: 'Bulgarian', franc: ['bul'], script: 'Cyrillic' },
  tg: { name: 'Tajik', franc: ['tgk'], script: 'Cyrillic' },
  kk: { name: 'Kazakh', franc: ['kaz'], script: 'Cyrillic' },
  hi: { name: 'Hindi', franc: ['hin'], script: 'other' },
  bn: { name: 'Bengali', franc: ['ben'], script: 'other' },
  zh: { name: 'Chinese', franc: ['cmn', 'zho'], script: 'other' },
  ja: { name: 'Japanese', franc: ['jpn'], script: 'other' },
  ko: { name: 'Korean', franc: ['kor'], script: 'other' },
  el: { name: 'Greek', franc: ['ell'], script: 'other' },
  he: { name: 'Hebrew', franc: ['heb'], script: 'other' },
  hy: { name: 'Armenian', franc: ['hye'], script: 'other' },
  ka: { name: 'Georgian', franc: ['kat'], script: 'other' },
  th: { name: 'Thai', franc: ['tha'], script: 'other' },
  am: { name: 'Amharic', franc: ['amh'], script: 'other' },
  ta: { name: 'Tamil', franc: ['tam'], script: 'other' },
};

/** franc code → ISO 639-1, derived from LANGUAGES. */
export const FROM_FRANC: ReadonlyMap<string, string> = new Map(
  Object.entries(LANGUAGES).flatMap(([code, info]) => info.franc.map((f) => [f, code] as const)),
);

/**
 * Languages franc always compares against besides the allowed ones. Without rivals an English
 * text sent to a Persian datanet would be scored only against Persian (franc ranks within the
 * text's script, among `only`) and come out "Persian"; with them it is detected as English and
 * refused. Kept short because franc's cost grows with each candidate in the text's script.
 */
export const RIVALS: readonly string[] = [
  'eng',
  'spa',
  'fra',
  'deu',
  'por',
  'ita',
  'nld',
  'tur',
  'ind',
  'pol',
  'vie',
  'rus',
  'ukr',
  'pes',
  'prs',
  'arb',
  'urd',
  'hin',
  'ben',
  'cmn',
  'jpn',
  'kor',
  'ell',
  'heb',
  'tha',
  'hye',
  'kat',
  'amh',
];

/** ISO 639-1 code (or a franc code used directly), lower-cased, to its table entry if any. */
export function lookupLanguage(code: string): [string, LanguageInfo] | undefined {
  const c = code.trim().toLowerCase();
  // hasOwn, not `in` or indexing: "constructor" must not resolve to Object.prototype's.
  if (Object.hasOwn(LANGUAGES, c)) return [c, LANGUAGES[c]];
  const viaFranc = FROM_FRANC.get(c);
  return viaFranc ? [viaFranc, LANGUAGES[viaFranc]] : undefined;
}
