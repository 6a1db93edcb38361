import { describe, expect, it } from 'vitest';
import { contentHash } from './contentHash.ts';
import { normalizeText } from './normalizeText.ts';

describe('contentHash', () => {
  it('is sha256 hex of the UTF-8 bytes (values from sha256sum)', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('باد آمد و بوی گل آورد')).toBe(
      '9d1daef707edebde895890fc2af70b9c489e735ef4d9bb22ad63d04d56404b8b',
    );
  });

  it('is equal for texts that differ only in what normalisation removes', () => {
    const a = contentHash(normalizeText('\uFEFFباد آمد  \r\nو بوی گل آورد\r\n'));
    const b = contentHash(normalizeText('باد آمد\nو بوی گل آورد'));
    expect(a).toBe(b);
    expect(contentHash(normalizeText('باد آمد\nو بوی گل آورد!'))).not.toBe(a);
  });
});
