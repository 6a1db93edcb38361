import { describe, expect, it } from 'vitest';
import { estimateSimilarity } from './estimateSimilarity.ts';
import { lshBandInt8Keys, lshBandKeys } from './lshBandKeys.ts';
import { minhashSignature } from './minhashSignature.ts';
import { normalizeText } from './normalizeText.ts';

// Short original poems, written for these tests.
const poems = {
  rain: [
    'باران که می‌بارد کوچه بوی خاک می‌دهد',
    'مادرم پنجره را باز می‌کند و چیزی نمی‌گوید',
    'گنجشک‌ها زیر ناودان به صف نشسته‌اند',
    'و من هنوز نامه‌ای را که ننوشتم به یاد دارم',
  ].join('\n'),
  shepherd: [
    'در دامنه‌ی کوه چراغی روشن است',
    'چوپانی پیر با نی خود از ستاره‌ها حرف می‌زند',
    'گله در مه آرام آرام گم می‌شود',
    'و صدای زنگوله تا صبح در باد می‌ماند',
  ].join('\n'),
  sea: [
    'دریا امروز آبی‌تر از دیروز است',
    'قایق‌های ماهیگیران روی موج‌ها می‌رقصند',
    'کودکی با سطل کوچکش صدف جمع می‌کند',
    'و خورشید آهسته بر شانه‌ی آب می‌خوابد',
  ].join('\n'),
  kettle: [
    'The kettle sang before the house was awake,',
    'and frost drew ferns across the kitchen glass.',
    'My father read the weather like a letter',
    'from a friend who never learned to spell.',
  ].join('\n'),
  pier: [
    'At the end of the pier an old man counts the gulls,',
    'losing his place each time the ferry sounds.',
    'His daughter sends him postcards from the city;',
    'he keeps them folded in a biscuit tin.',
  ].join('\n'),
  orchard: [
    'Snow came early to the orchard this year,',
    'bending the branches before the apples fell.',
    'We gathered what we could in the blue light',
    'and left the rest to the deer and the crows.',
  ].join('\n'),
};

// Edits a resubmitter might make to pass a copy off as new.
const nearDuplicates: Array<[keyof typeof poems, string]> = [
  ['rain', poems.rain.replace('گنجشک‌ها', 'کبوترها')],
  ['rain', poems.rain.replaceAll('\u200C', ' ').replaceAll('ی', 'ي').replaceAll('ک', 'ك') + '!'],
  ['shepherd', poems.shepherd.replace('چراغی روشن', 'چراغی کوچک و روشن')],
  ['sea', `${poems.sea}\nو شب می‌آید`],
  ['kettle', poems.kettle.toUpperCase().replace('FROST', 'ICE')],
  ['pier', poems.pier.replace(/[,;.]/g, '').replace('biscuit tin', 'biscuit box')],
  ['orchard', `Orchard\n\n${poems.orchard}`],
];

const sigOf = (text: string) => minhashSignature(normalizeText(text));
const sharedKeys = (a: Uint32Array, b: Uint32Array) => {
  const keys = new Set(lshBandKeys(a));
  return lshBandKeys(b).filter((k) => keys.has(k)).length;
};

describe('lshBandKeys', () => {
  it('makes near-duplicate poems candidates, with a high estimated similarity', () => {
    for (const [name, copy] of nearDuplicates) {
      const original = sigOf(poems[name]);
      const edited = sigOf(copy);
      expect(sharedKeys(original, edited), name).toBeGreaterThan(0);
      expect(estimateSimilarity(original, edited), name).toBeGreaterThan(0.6);
    }
  });

  it('keeps unrelated poems apart', () => {
    const names = Object.keys(poems) as Array<keyof typeof poems>;
    for (const x of names) {
      for (const y of names) {
        if (x >= y) continue;
        const a = sigOf(poems[x]);
        const b = sigOf(poems[y]);
        expect(sharedKeys(a, b), `${x}/${y}`).toBe(0);
        expect(estimateSimilarity(a, b), `${x}/${y}`).toBeLessThan(0.2);
      }
    }
  });

  it('gives one "band:hex" key per band, each depending only on its own rows', () => {
    const sig = sigOf(poems.kettle);
    const keys = lshBandKeys(sig);
    expect(keys).toHaveLength(25);
    for (const [i, key] of keys.entries()) expect(key).toMatch(new RegExp(`^${i}:[0-9a-f]{16}$`));
    const changed = sig.slice();
    changed[7] ^= 1; // row 7 is in band 1 (5 rows per band)
    const after = lshBandKeys(changed);
    expect(after.filter((k, i) => k !== keys[i])).toEqual([after[1]]);
  });

  it('keeps its stored format', () => {
    expect(lshBandKeys(minhashSignature('The river kept its silver promise.')).slice(0, 2)).toEqual([
      '0:d3024155f0775d06',
      '1:10d13ba72f837665',
    ]);
  });

  it('does not match equal rows in different bands', () => {
    const sig = new Uint32Array(10).fill(42);
    const [first, second] = lshBandKeys(sig, 2);
    expect(first.slice(2)).not.toBe(second.slice(2));
  });

  it('refuses more bands than values', () => {
    expect(() => lshBandKeys(new Uint32Array(4), 5)).toThrow(RangeError);
    expect(() => lshBandKeys(new Uint32Array(4), 0)).toThrow(RangeError);
  });
});

describe('lshBandInt8Keys', () => {
  it('is each hex key read as a signed 64-bit integer, so stored int8 band keys stay comparable', () => {
    let negative = 0;
    for (let i = 0; i < 200; i++) {
      const sig = minhashSignature(normalizeText(`line ${i} of a poem about rain and the harbour ${i * 7}`));
      const fromHex = lshBandKeys(sig, 20).map((k) =>
        BigInt.asIntN(64, BigInt(`0x${k.slice(k.indexOf(':') + 1)}`)).toString(),
      );
      const direct = lshBandInt8Keys(sig, 20);
      expect(direct).toEqual(fromHex);
      negative += direct.filter((k) => k.startsWith('-')).length;
    }
    // Both signs occur, so the two's-complement conversion was exercised.
    expect(negative).toBeGreaterThan(0);
  });
});
