import type { Script } from '../../shared/languageCodes.ts';

export interface ScriptProfile {
  /** Letters (\p{L}) in the text. */
  letters: number;
  arabic: number;
  latin: number;
  cyrillic: number;
  other: number;
  /** Letters of the Persian alphabet that Arabic lacks: پ چ ژ گ, and Persian kaf/yeh ک ی. */
  persianMarkers: number;
  /** Arabic-only forms: ة, and Arabic kaf/yeh ك ي (Persian keyboards type ک ی instead). */
  arabicMarkers: number;
  /** Arabic-script letters in neither the Persian nor the Arabic alphabet: Urdu ٹ ڈ ڑ ں ے ہ ھ,
   * Pashto, Kurdish, Sindhi, Uyghur letters, and presentation forms from legacy encodings. */
  otherArabicLetters: number;
  /** The script with most letters, 'other' for none. */
  dominant: Script;
  /** Share of letters in the dominant script, 0 when there are no letters. */
  dominantShare: number;
}

const OTHER_LETTER = /\p{L}/u;

/**
 * Letter counts per script in one pass, without regexes for the common scripts. It backs franc,
 * which is unreliable on a line or two (Persian, Arabic and Urdu share most letters) and blind to
 * scripts left out of its `only` list.
 */
export function scriptProfile(text: string): ScriptProfile {
  let arabic = 0;
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  let persianMarkers = 0;
  let arabicMarkers = 0;
  let otherArabicLetters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (c >= 0x0600 && c <= 0x06ff) {
      // Arabic block letters: 0621–064A (minus tatweel 0640), 066E–06D3, 06EE–06FF.
      if (c >= 0x0621 && c <= 0x064a) {
        if (c === 0x0640) continue;
        arabic++;
        if (c === 0x0629 || c === 0x0643 || c === 0x064a) arabicMarkers++;
        else if (c >= 0x063b && c <= 0x063f) otherArabicLetters++;
      } else if ((c >= 0x066e && c <= 0x06d3) || (c >= 0x06ee && c <= 0x06ff)) {
        arabic++;
        if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06a9 || c === 0x06cc) {
          persianMarkers++;
        } else if (c !== 0x06c0) {
          // ۀ (06C0) is Persian ezafe; everything else here belongs to other languages.
          otherArabicLetters++;
        }
      }
    } else if ((c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
      arabic++;
      otherArabicLetters++;
    } else if ((c >= 0x00c0 && c <= 0x024f && c !== 0x00d7 && c !== 0x00f7) || (c >= 0x1e00 && c <= 0x1eff)) {
      latin++;
    } else if (c >= 0x0400 && c <= 0x04ff) {
      cyrillic++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      if (OTHER_LETTER.test(text.slice(i, i + 2))) other++;
      i++;
    } else if (c >= 0x80 && OTHER_LETTER.test(text[i])) {
      other++;
    }
  }
  const letters = arabic + latin + cyrillic + other;
  let dominant: Script = 'other';
  let top = other;
  if (arabic > top) [dominant, top] = ['Arabic', arabic];
  if (latin > top) [dominant, top] = ['Latin', latin];
  if (cyrillic > top) [dominant, top] = ['Cyrillic', cyrillic];
  return {
    letters,
    arabic,
    latin,
    cyrillic,
    other,
    persianMarkers,
    arabicMarkers,
    otherArabicLetters,
    dominant,
    dominantShare: letters === 0 ? 0 : top / letters,
  };
}
