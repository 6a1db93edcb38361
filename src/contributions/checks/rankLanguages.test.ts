import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { samplePoem } from '../../../test/support/samplePoems.ts';
import { RIVALS } from '../../shared/languageCodes.ts';
import { rankLanguages } from './rankLanguages.ts';

// rankLanguages must rank exactly as franc does (same models, same arithmetic, same tie order):
// detectLanguage's refusals and confidences depend on every score, not only the winner.
let seed = 7;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz     éèçñü',
  'абвгдежзийклмнопрстуфхцчшщыэюя    ',
  'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی     ‌',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوية     ',
  'αβγδεζηθικλμνξοπρστυφχψω    ',
  '你好世界中文字   ',
  'אבגדהוזחטיכלמנסעפצקרשת   ',
  '0123456789.,;:!?-()"\'\n\t ',
];
const randomText = () => {
  const mix = [pick(ALPHABETS), pick(ALPHABETS)];
  const length = Math.floor(rand() * 160);
  return Array.from({ length }, () => pick([...pick(mix)])).join('');
};
const ONLY_LISTS: string[][] = [
  [],
  [...RIVALS],
  ['eng', 'pes', 'prs', ...RIVALS],
  ['pes', 'prs', 'arb', 'urd'],
  ['eng'],
  ['rus', 'ukr'],
];

describe('rankLanguages', () => {
  it('equals francAll on poems, random mixed-script text and edge cases, for several only-lists', () => {
    const texts = [
      '',
      'short',
      '1234567890',
      '!!!!!!!!!!!!!!!',
      '          ',
      'aaaaaaaaaaaa',
      'The the the the the the',
      ...Array.from({ length: 300 }, (_, i) => samplePoem(i % 2 === 0 ? 'en' : 'fa', i + 1).slice(0, 120)),
      ...Array.from({ length: 1500 }, randomText),
    ];
    let compared = 0;
    for (const text of texts) {
      for (const only of ONLY_LISTS) {
        expect(rankLanguages(text, only)).toEqual(francAll(text, { only }));
        compared++;
      }
    }
    expect(compared).toBe(texts.length * ONLY_LISTS.length);
  });
});
