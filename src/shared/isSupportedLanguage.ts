import { lookupLanguage } from './languageCodes.ts';

/**
 * Whether detectLanguage can police this language code (ISO 639-1 such as `fa`, or a franc ISO
 * 639-3 code such as `pes`). Datanet config validation should refuse other codes: a datanet that
 * lists one accepts texts in any language, because refusing what cannot be detected would refuse
 * everything (see detectLanguage).
 */
export function isSupportedLanguage(code: string): boolean {
  return lookupLanguage(code) !== undefined;
}
