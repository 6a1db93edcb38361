import { seededUniform } from '../../src/shared/seededUniform.ts';

/**
 * Deterministic made-up poems for tests and bench/checks.ts: lines drawn from small word lists
 * with a seeded generator, so runs are reproducible and no real text is needed.
 */

const PERSIAN_WORDS = (
  'باد باران شب ماه ستاره دریا کوچه خانه پنجره چراغ دل آینه باغ گل سرو بید پرنده نان چای ' +
  'مادر کودک سایه نور خاک آسمان کوه رود صبح سپیده خاموش روشن آرام تنها دور نزدیک سبز آبی ' +
  'می‌روم می‌آید می‌خواند نشست گذشت ماند رفت آمد افتاد خندید گریست شنید دید بود است نیست ' +
  'در از با به تا روی زیر کنار میان و که را این آن ما من تو او هنوز امشب'
).split(' ');

const ENGLISH_WORDS = (
  'wind rain night moon star sea street house window lamp heart mirror garden rose willow bird ' +
  'bread tea mother child shadow light earth sky mountain river morning dawn silent bright calm ' +
  'alone far near green blue walks comes sings sat passed stayed left came fell laughed wept ' +
  'heard saw was is not in from with to until on under beside between and that the this we you'
).split(' ');

/** A poem of about `chars` characters, lines of 5–9 words. */
export function samplePoem(language: 'fa' | 'en', seed: number, chars = 300): string {
  const words = language === 'fa' ? PERSIAN_WORDS : ENGLISH_WORDS;
  const random = seededUniform(seed);
  const lines: string[] = [];
  let length = 0;
  while (length < chars) {
    const n = 5 + Math.floor(random() * 5);
    const line = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}
