/**
 * The default text the tiny model's tokenizer learns its merges from: a little English and
 * Persian prose (with the zero-width non-joiner Persian writes inside words), digits and
 * punctuation, so both scripts get multi-byte tokens and everything else falls back to bytes.
 */
export const TINY_CORPUS: readonly string[] = [
  'Potluck lets a community build a dataset together and pays everyone whose data helped.',
  'The kitchen was warm, and the bread came out of the oven just before the guests arrived.',
  'Every answer lists the contributions it came from and how the fee was split among them.',
  'She planted tomatoes, basil and mint in the garden behind the old stone house.',
  'Rain fell all night; by morning the river had risen almost to the bridge.',
  'A good recipe is written so that someone else can cook it without asking questions.',
  'The model reads the prompt, predicts the next word, and repeats until it is done.',
  'In 2024 the team wrote 3 papers, 12 tests and 150 lines of documentation.',
  'امروز هوا آفتابی است و بچه‌ها در پارک بازی می‌کنند.',
  'مادربزرگ هر جمعه آش رشته می‌پزد و همه‌ی خانواده دور هم جمع می‌شوند.',
  'کتابخانه‌ی شهر تا ساعت هشت شب باز است و کتاب‌های تازه‌ای آورده‌اند.',
  'ما با هم داده جمع می‌کنیم و هر کسی که کمک کرده سهم خود را می‌گیرد.',
  'باران دیشب شدید بود و صبح رودخانه تا نزدیک پل بالا آمده بود.',
  'برای پختن نان خوب باید خمیر را صبر کنید تا ور بیاید.',
  'شعر حافظ را بلند خواندیم و درباره‌ی معنای آن صحبت کردیم.',
  'سال ۱۴۰۳ پروژه‌ی ما سه مقاله، دوازده آزمون و صد و پنجاه خط مستند داشت.',
];
