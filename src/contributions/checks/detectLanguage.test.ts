import { describe, expect, it } from 'vitest';
import { isSupportedLanguage } from '../../shared/isSupportedLanguage.ts';
import { detectLanguage } from './detectLanguage.ts';

// Short original lines, written for these tests.
const persian = [
  'باد آمد و بوی گل‌های بهاری را از کوچه‌های خاموش شهر به خانه آورد',
  'دلم در سایه‌ی سرو تو آرام گرفت و شب از چشمان تو ستاره چید',
  'کوچه‌ها بوی باران می‌دهند و چراغ‌ها یکی یکی روشن می‌شوند',
  'پرنده‌ای روی شاخه‌ی بید نشست و آواز کوتاهی خواند',
  'باران که می‌بارد دلم تنگ می‌شود',
  'از پنجره تا ستاره راهی نیست',
];
const english = [
  'The river kept its silver promise to the moon all night long',
  'I left my coat beside the door and never went back for it',
  'My mother sang while the kettle burned',
  'Under the pines the old dog sleeps',
  'Nobody waits for the last tram home',
  'Morning came slowly over the hills',
];
const offLanguage: Array<[string, string]> = [
  ['ru', 'Ветер шумел над рекой, и звезды медленно гасли в тумане'],
  ['es', 'El viento cantaba sobre el río mientras la luna dormía'],
  ['de', 'Der Wind sang über dem Fluss, während der Mond schlief'],
  ['ar', 'ذهبت إلى المدرسة في الصباح الباكر وكانت الشمس مشرقة'],
  ['ur', 'میں نے آج صبح بازار جا کر کچھ پھل خریدے اور گھر واپس آیا'],
  ['zh', '春天的风吹过安静的街道，把花香带进每一扇窗户里面'],
];

describe('detectLanguage', () => {
  it('recognises Persian lines as fa', () => {
    for (const line of persian) {
      const d = detectLanguage(line, ['fa', 'en']);
      expect(d, line).toMatchObject({ language: 'fa', allowed: true, script: 'Arabic' });
      expect(d.confidence, line).toBeGreaterThan(0);
    }
  });

  it('recognises English lines as en', () => {
    for (const line of english) {
      expect(detectLanguage(line, ['fa', 'en']), line).toMatchObject({ language: 'en', allowed: true });
    }
  });

  it('recognises other languages and does not allow them', () => {
    for (const [code, line] of offLanguage) {
      expect(detectLanguage(line, ['fa', 'en']), line).toMatchObject({ language: code, allowed: false });
    }
  });

  it('refuses English on a Persian-only datanet and Persian on an English-only one', () => {
    expect(detectLanguage(english[0], ['fa'])).toMatchObject({ language: 'en', allowed: false });
    expect(detectLanguage(persian[0], ['en'])).toMatchObject({ language: 'fa', allowed: false });
  });

  it('calls short texts und and lets them through, unless their script rules the datanet out', () => {
    expect(detectLanguage('نان و نمک', ['fa'])).toMatchObject({
      language: 'und',
      allowed: true,
      confidence: 0,
    });
    expect(detectLanguage('Hello there', ['en'])).toMatchObject({ language: 'und', allowed: true });
    expect(detectLanguage('Привет, друг', ['fa'])).toMatchObject({ language: 'und', allowed: false });
    expect(detectLanguage('Hello there', ['fa'])).toMatchObject({ allowed: false, script: 'Latin' });
    expect(detectLanguage('12345 67890 !!!', ['fa'])).toMatchObject({ language: 'und', allowed: true });
  });

  it('takes Persian letters over a franc guess of Arabic', () => {
    // An Arabic formula franc reads as Arabic, but Persian ی and گ and no Arabic-only letters.
    const line = 'الحمد لله رب العالمین گفتم و رفتم';
    expect(detectLanguage(line, ['fa'])).toMatchObject({ language: 'fa', allowed: true });
    // Listing Pashto turns the Persian shortcut off, so this goes through franc and the override.
    expect(detectLanguage(line, ['fa', 'ps'])).toMatchObject({ language: 'fa', allowed: true });
    // The same words with Arabic yeh stay Arabic.
    expect(detectLanguage(line.replace('ین', 'ين'), ['fa'])).toMatchObject({
      language: 'ar',
      allowed: false,
    });
  });

  it('answers the same with and without the Persian shortcut', () => {
    for (const line of [...persian, offLanguage[3][1], offLanguage[4][1]]) {
      const viaShortcut = detectLanguage(line, ['fa', 'en']);
      const viaFranc = detectLanguage(line, ['fa', 'en', 'ps']);
      expect(viaShortcut.language, line).toBe(viaFranc.language);
    }
  });

  it('accepts anything when the datanet lists no languages or one it cannot detect', () => {
    expect(detectLanguage(offLanguage[0][1], []).allowed).toBe(true);
    expect(detectLanguage(offLanguage[0][1], ['fa', 'xx']).allowed).toBe(true);
  });

  it('accepts ISO 639-3 and odd-case codes in the allowed list', () => {
    expect(detectLanguage(persian[0], ['PES']).allowed).toBe(true);
    expect(detectLanguage(english[0], [' En ']).allowed).toBe(true);
  });

  it('has confidence in [0, 1], higher for a long clear text than for a short line', () => {
    const long = detectLanguage(english.slice(0, 3).join('\n'), ['en']);
    const short = detectLanguage(english[3], ['en']);
    expect(long.confidence).toBeLessThanOrEqual(1);
    expect(short.confidence).toBeGreaterThanOrEqual(0);
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });
});

describe('isSupportedLanguage', () => {
  it('knows ISO 639-1 and franc codes, and nothing else', () => {
    expect(isSupportedLanguage('fa')).toBe(true);
    expect(isSupportedLanguage('prs')).toBe(true);
    expect(isSupportedLanguage('xx')).toBe(false);
    expect(isSupportedLanguage('constructor')).toBe(false);
  });
});
