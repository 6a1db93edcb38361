/**
 * Short poems written for this demo (not quotations), in the two languages the "Persian Poetry"
 * datanet accepts. Kept short so the whole story prints on one screen or two.
 */
export interface Poem {
  title: string;
  language: 'fa' | 'en';
  text: string;
}

export const POEMS: readonly Poem[] = [
  {
    title: 'Rain',
    language: 'fa',
    text: 'باران که می‌بارد، کوچه بوی نان تازه می‌دهد\nمادرم پنجره را باز می‌کند و به ابرها سلام می‌کند',
  },
  {
    title: 'Moon in the pool',
    language: 'fa',
    text: 'ماه امشب روی حوض خانه نشسته است\nماهی‌های سرخ دورش می‌چرخند و خوابشان نمی‌برد',
  },
  {
    title: 'Tea',
    language: 'fa',
    text: 'در استکان کمرباریک، چای رنگ غروب دارد\nپدربزرگ قندی در دهان می‌گذارد و از جوانی‌اش می‌گوید',
  },
  {
    title: 'Cypress',
    language: 'fa',
    text: 'سرو کنار جاده در برابر باد خم نمی‌شود\nریشه‌هایش نام همهٔ رفتگان را به خاطر دارند',
  },
  {
    title: 'Kettle',
    language: 'en',
    text: 'The kettle hums a song my grandmother knew,\nsteam rising like a prayer over the blue tiles,\nand every cup she poured was a small sunrise.',
  },
  {
    title: 'Baker',
    language: 'en',
    text: "Night folds the city into its dark pocket;\nonly the baker's window stays awake,\na square of gold where the morning is kneaded.",
  },
];

/** Not Persian or English: the datanet's language check refuses it. */
export const OFF_LANGUAGE_POEM =
  'Le vent du soir caresse les toits de la ville endormie,\net la lune écoute les secrets des fontaines.';

/** A second draft of "Kettle" with one word changed: accepted, but flagged as a near-duplicate. */
export const KETTLE_REDRAFT =
  'The kettle hums the song my grandmother knew,\nsteam rising like a prayer over the blue tiles,\nand every cup she poured was a small sunrise.';
