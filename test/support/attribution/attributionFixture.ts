/**
 * A small bilingual corpus for attribution tests and the benchmark: short poems written for this
 * project (English and Persian), one per contribution, plus an anthology that quotes two lines of
 * another poem so shared credit can be checked. Lines end with '\n' so line starts tokenize the
 * same wherever a line is quoted.
 */
import { buildCorpusIndex } from '../../../src/attribution/buildCorpusIndex.ts';
import type { CorpusIndex } from '../../../src/attribution/corpusIndex.ts';
import { encodeText, Vocabulary } from '../../../src/attribution/wordTokenizer.ts';

export interface FixtureContribution {
  contributionId: string;
  language: 'en' | 'fa';
  text: string;
}

const poem = (...lines: string[]) => lines.map((line) => line + '\n').join('');

export const fixtureContributions: readonly FixtureContribution[] = [
  {
    contributionId: 'river-ledger',
    language: 'en',
    text: poem(
      'The river keeps a ledger of the rain,',
      'it counts each drop and pays it to the sea.',
      'The stones remember every name it spoke,',
      'and willows lean to listen when it sings.',
      'At dusk the herons gather on the bank',
      'to read the silver writing on the stream.',
    ),
  },
  {
    contributionId: 'grandmother-bread',
    language: 'en',
    text: poem(
      'My grandmother folded flour into morning,',
      'her hands were maps of every loaf she made.',
      'She never measured salt, she trusted weather,',
      'and bread rose slowly in the kitchen light.',
      'We ate it warm with apricot and honey',
      'and no one asked who owned the recipe.',
    ),
  },
  {
    contributionId: 'city-night',
    language: 'en',
    text: poem(
      'Neon hums a lullaby to sleepless towers,',
      'the last tram rattles through the empty square.',
      'A cat patrols the rooftops like a judge,',
      'while taxis trade their secrets at the lights.',
      'Somewhere a window glows above the bakery',
      'where tomorrow is already being kneaded.',
    ),
  },
  {
    contributionId: 'winter-letter',
    language: 'en',
    text: poem(
      'Dear friend, the snow arrived without a warning',
      'and buried every path we used to walk.',
      'I wrote your name in frost upon the glass',
      'and watched it fade before the kettle sang.',
      'When spring returns I will unlock the garden',
      'and plant the seeds you sent me in the fall.',
    ),
  },
  {
    contributionId: 'machine-dream',
    language: 'en',
    text: poem(
      'The little model dreams in borrowed words,',
      'a patchwork stitched from everyone who wrote.',
      "It hums a line it learned from someone's mother",
      'and cannot tell you where the thread began.',
      'So we will keep the receipts of every sentence',
      'and pay the hands that taught it how to speak.',
    ),
  },
  {
    contributionId: 'lighthouse-keeper',
    language: 'en',
    text: poem(
      'The keeper climbs two hundred spiral stairs',
      'to wind the lamp before the fog rolls in.',
      'Ships he will never meet depend on him,',
      'their captains trusting one unblinking eye.',
      'He logs the weather in a careful hand',
      'and sleeps at dawn when all the boats are home.',
    ),
  },
  {
    contributionId: 'baran',
    language: 'fa',
    text: poem(
      'باران به روی بام‌های شهر می‌بارد',
      'و کوچه‌ها بوی خاک تازه می‌دهند.',
      'مادرم پنجره را باز می‌کند',
      'تا صدای آب را به خانه بیاورد.',
      'در حیاط، درخت انار آرام نفس می‌کشد',
      'و گنجشک‌ها زیر شاخه‌ها پناه می‌گیرند.',
    ),
  },
  {
    contributionId: 'night-train',
    language: 'fa',
    text: poem(
      'قطار شبانه از کنار کوه می‌گذرد',
      'و ستاره‌ها در شیشه‌ها جا می‌مانند.',
      'مسافری کتاب کهنه‌ای را ورق می‌زند',
      'و به شهری فکر می‌کند که هرگز ندیده است.',
      'صبح که برسد، ایستگاه بوی چای می‌دهد',
      'و کسی با چراغی در دست منتظر است.',
    ),
  },
  {
    contributionId: 'baker',
    language: 'fa',
    text: poem(
      'نانوای محله پیش از طلوع بیدار است',
      'و تنور را با هیزم خشک روشن می‌کند.',
      'بوی نان گرم تا سر کوچه می‌رود',
      'و بچه‌ها با سکه‌های کوچک می‌آیند.',
      'او نام همه را از بر می‌داند',
      'و به هر کس یک لبخند اضافه می‌دهد.',
    ),
  },
  {
    contributionId: 'sea-letter',
    language: 'fa',
    text: poem(
      'دریا نامه‌ای بلند برای ساحل می‌نویسد',
      'و موج‌ها آن را کلمه به کلمه می‌خوانند.',
      'ماهیگیر پیر تور خود را وصله می‌زند',
      'و به آوازی قدیمی گوش می‌دهد.',
      'غروب که می‌شود، قایق‌ها برمی‌گردند',
      'و فانوس‌ها یکی‌یکی روشن می‌شوند.',
    ),
  },
  {
    contributionId: 'orchard',
    language: 'fa',
    text: poem(
      'در باغ پدربزرگ، سیب‌ها زود می‌رسند',
      'و زنبورها تا ظهر کار می‌کنند.',
      'او با دست‌های خاکی برایم قصه می‌گوید',
      'از سال‌هایی که آب کم بود و امید زیاد.',
      'وقتی می‌خندد، چین‌های صورتش',
      'مثل جوی‌های باغ روشن می‌شوند.',
    ),
  },
  {
    contributionId: 'school-library',
    language: 'fa',
    text: poem(
      'کتابخانه‌ی کوچک مدرسه بوی کاغذ می‌دهد',
      'و قفسه‌ها پر از سفرهای نرفته‌اند.',
      'دختری کنار پنجره شعر می‌خواند',
      'و کلمه‌ها مثل پرنده از دهانش می‌پرند.',
      'معلم آهسته لبخند می‌زند',
      'و زنگ آخر را کمی دیرتر می‌زند.',
    ),
  },
  {
    contributionId: 'river-anthology',
    language: 'en',
    text: poem(
      'Lines I copied from a notebook by the water:',
      'The river keeps a ledger of the rain,',
      'it counts each drop and pays it to the sea.',
      'I keep them here so I can read them twice.',
    ),
  },
];

/**
 * Answers stitched from whole lines and fragments of different poems, longest piece first, so
 * a faithful attribution ranks the sources in the order of the pieces.
 */
export const fixtureMosaics: readonly { name: string; text: string; sources: readonly string[] }[] = [
  {
    name: 'english',
    text: poem(
      'The little model dreams in borrowed words,',
      'a patchwork stitched from everyone who wrote.',
      'Ships he will never meet depend on him,',
      'I wrote your name in frost',
      'and bread rose slowly',
    ),
    sources: ['machine-dream', 'lighthouse-keeper', 'winter-letter', 'grandmother-bread'],
  },
  {
    name: 'persian',
    text: poem(
      'دریا نامه‌ای بلند برای ساحل می‌نویسد',
      'و موج‌ها آن را کلمه به کلمه می‌خوانند.',
      'مسافری کتاب کهنه‌ای را ورق می‌زند',
      'نانوای محله پیش از طلوع',
      'دختری کنار پنجره',
    ),
    sources: ['sea-letter', 'night-train', 'baker', 'school-library'],
  },
  {
    name: 'mixed',
    text: poem(
      'The keeper climbs two hundred spiral stairs',
      'to wind the lamp before the fog rolls in.',
      'باران به روی بام‌های شهر می‌بارد',
      'A cat patrols the rooftops',
      'او با دست‌های خاکی',
    ),
    sources: ['lighthouse-keeper', 'baran', 'city-night', 'orchard'],
  },
];

/** The fixture tokenized with the word tokenizer and indexed, one document per contribution. */
export function buildFixtureCorpus(): { vocabulary: Vocabulary; index: CorpusIndex } {
  const vocabulary = new Vocabulary();
  const documents = fixtureContributions.map(({ contributionId, text }) => ({
    contributionId,
    tokens: encodeText(text, vocabulary, { grow: true }),
  }));
  return { vocabulary, index: buildCorpusIndex(documents, { tokenLimit: vocabulary.size + 1 }) };
}
