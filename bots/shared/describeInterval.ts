import { type Translator, translator } from '../i18n/translator.ts';

/** "every 15 minutes", "every hour": the interval as people say it. */
export function describeInterval(seconds: number, tr: Translator = translator('en')): string {
  if (seconds % 3600 === 0) return tr.t('every-hours', { n: seconds / 3600 });
  if (seconds % 60 === 0) return tr.t('every-minutes', { n: seconds / 60 });
  return tr.t('every-seconds', { n: seconds });
}
