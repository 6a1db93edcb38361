import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translator.ts';
import { render } from './proofCommand.ts';

const hash = (i: number) => `0x${i.toString(16).padStart(64, '0')}`;

describe('/proof rendering', () => {
  it('shows a short proof inline and attaches a long one as proof.json with its leaf and root', () => {
    const en = translator('en');
    const base = {
      title: 'Contribution #1',
      state: 'Anchored on chain.',
      leaf: { a: hash(1) },
      root: hash(2),
    };
    const short = render(en, { ...base, proof: [hash(3), hash(4)], verified: true });
    expect(short.files).toHaveLength(0);
    expect(short.embeds[0].toJSON().fields?.find((f) => f.name.startsWith('Merkle proof'))?.value).toBe(
      `\`\`\`json\n${JSON.stringify([hash(3), hash(4)])}\n\`\`\``,
    );
    const steps = Array.from({ length: 20 }, (_, i) => hash(i + 10));
    const long = render(en, { ...base, proof: steps, verified: false });
    const field = long.embeds[0].toJSON().fields?.find((f) => f.name === 'Merkle proof (20 steps)');
    expect(field?.value).toBe('Too long to show here: attached as proof.json.');
    expect(long.files).toHaveLength(1);
    expect(long.files[0].name).toBe('proof.json');
    expect(JSON.parse(String(long.files[0].attachment))).toEqual({
      leaf: base.leaf,
      root: base.root,
      proof: steps,
    });
    expect(long.embeds[0].toJSON().fields?.at(-1)?.value).toBe('❌ no, the registry rejects it');
  });
});
