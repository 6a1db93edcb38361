import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/createTestApp.ts';
import { fundedPerson, TOKEN } from '../../test/support/fixtures.ts';
import { estimateSimilarity } from './checks/estimateSimilarity.ts';
import { minhashSignature } from './checks/minhashSignature.ts';
import { normalizeText } from './checks/normalizeText.ts';

// The near-duplicate check reads candidates' signatures from this app's SignatureCache when it
// wrote them, and from the contributions table otherwise (after a restart, or rows another process
// wrote): both must give the same answer, and a withdrawn contribution is never a candidate.
let t: TestApp;
let poet: string;
let datanetId: string;

const ORIGINAL =
  'The lantern of the evening hums above the harbour wall\nand every boat comes home to hear the gulls and fishermen call';
const EDITED = ORIGINAL.replace('every boat', 'every little boat');

beforeAll(async () => {
  t = await createTestApp({}, { persistent: true });
  poet = await fundedPerson(t.app, 'poet');
  const d = await t.app.datanets.create({
    ownerAccountId: poet,
    name: 'Harbour Verse',
    languages: ['en'],
    deposit: TOKEN.toString(),
  });
  datanetId = d.id;
});
afterAll(async () => t?.cleanup());

const submit = (key: string, text: string) =>
  t.app.contributions.submit({ accountId: poet, datanetId, idempotencyKey: key, items: [{ text }] });

describe('findNearDuplicates', () => {
  it('finds a near-duplicate from the stored signature after a restart, with the exact similarity', async () => {
    const first = await submit('original', ORIGINAL);
    await t.restart();
    const later = await submit('edited', EDITED);
    const expected = estimateSimilarity(
      minhashSignature(normalizeText(ORIGINAL)),
      minhashSignature(normalizeText(EDITED)),
    );
    expect(expected).toBeGreaterThan(0.6);
    expect(later.accepted[0].nearDuplicateOf).toBe(first.accepted[0].contributionId);
    // Stored as real (float4): the same figure to its precision.
    expect(later.accepted[0].nearDuplicateSimilarity).toBeCloseTo(expected, 5);
  });

  it('never offers a withdrawn contribution, even one this app remembers', async () => {
    const base = `${ORIGINAL}\nwhere the tide goes out and leaves the sand`;
    const first = await submit('withdrawn-original', base);
    await t.app.contributions.withdraw({ accountId: poet, contributionId: first.accepted[0].contributionId });
    const later = await submit('after-withdrawal', base.replace('leaves the sand', 'leaves the sand behind'));
    expect(later.accepted).toHaveLength(1);
    expect(later.accepted[0].nearDuplicateOf).not.toBe(first.accepted[0].contributionId);
  });
});
