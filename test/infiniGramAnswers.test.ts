import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../src/attribution/buildCorpusIndex.ts';
import { serializeCorpusIndex } from '../src/attribution/serializeCorpusIndex.ts';
import { encodeText, Vocabulary } from '../src/attribution/wordTokenizer.ts';
import { type GeneratedAnswer, generateAnswer } from '../src/inference/generateAnswer.ts';
import { loadTrainedModel } from '../src/ml/loadTrainedModel.ts';
import { leaveOneOut } from './support/attribution/leaveOneOut.ts';
import { loadMultilingualModel, multilingualPoems } from './support/multilingualPoems.ts';

// /ask with the defaults (64 tokens, temperature 1) on a small English/Persian poetry snapshot
// (issue 13): answers end where the poem they follow ends, and the credit follows the words.
let fixture: Awaited<ReturnType<typeof loadMultilingualModel>>;
beforeAll(async () => {
  fixture = await loadMultilingualModel();
});
afterAll(() => fixture?.close());

const ask = (prompt: string, seed: number) =>
  generateAnswer(fixture.model, { prompt, maxTokens: 64, temperature: 1, topK: 0, seed });

/** The poems whose text ends with exactly the prompt and the answer: the one the answer followed. */
const followedBy = (prompt: string, g: GeneratedAnswer) =>
  multilingualPoems.filter((p) => p.text.endsWith(`${prompt}${g.answer}`)).map((p) => p.contributionId);

/** Spearman of weights and leave-one-out drops, the rest of the snapshot counted as one more entry. */
function looAgreement(prompt: string, g: GeneratedAnswer): number {
  const { model } = fixture;
  return leaveOneOut(model.index, g.tokens, g.attribution.contributions, {
    prompt: model.tokenizer.encode(prompt),
    endsDocument: g.stopReason === 'end_of_document',
    includeRest: true,
  }).spearman;
}

describe('∞-gram answers at the /ask defaults', () => {
  it('end at the end of the poem they follow, written as it is written, credited to it; LOO agrees', async () => {
    const agreements: number[] = [];
    for (const poem of multilingualPoems) {
      const prompt = poem.text.split('\n')[0];
      for (let seed = 0; seed < 4; seed++) {
        const g = await ask(prompt, seed);
        expect(g.stopReason).toBe('end_of_document');
        // No run-on into other poems and no glued words: prompt + answer is the end of one poem.
        const followed = followedBy(prompt, g);
        expect(followed).toHaveLength(1);
        const credit = g.attribution.contributions;
        expect(credit.map((c) => fixture.nameOf(c.contributionId))).toEqual(followed);
        expect(credit[0].creditUnits).toBe(1_000_000);
        // Counted from the prompt, every answer token continues a span of at least 4 tokens.
        expect(g.attribution.creditedTokens).toBe(g.tokens.length);
        agreements.push(looAgreement(prompt, g));
      }
    }
    const mean = agreements.reduce((a, b) => a + b, 0) / agreements.length;
    expect(mean).toBeGreaterThanOrEqual(0.9);
  });

  it('over many seeded calls, a shared line pays each poem as often as the answer follows it', async () => {
    // river-ledger and river-anthology both hold these two lines; the third line differs.
    const prompt = 'The river keeps a ledger of the rain,';
    const followed = new Map<string, number>();
    const credit = new Map<string, number>();
    const calls = 120;
    for (let seed = 0; seed < calls; seed++) {
      const g = await ask(prompt, seed);
      const [poem] = followedBy(prompt, g);
      followed.set(poem, (followed.get(poem) ?? 0) + 1);
      for (const c of g.attribution.contributions) {
        const name = fixture.nameOf(c.contributionId);
        credit.set(name, (credit.get(name) ?? 0) + c.creditUnits / 1_000_000);
      }
      // The shared line in the answer is credited to the poem the answer went on with, alone.
      expect(g.attribution.contributions.map((c) => fixture.nameOf(c.contributionId))).toEqual([poem]);
      // Leave-one-out agrees: without the poem it followed the answer is far less likely than
      // without the other one, which holds the same line.
      if (seed < 10) {
        const other = poem === 'river-ledger' ? 'river-anthology' : 'river-ledger';
        const report = leaveOneOut(
          fixture.model.index,
          g.tokens,
          [
            { contributionId: fixture.idOf(poem), weight: 1 },
            { contributionId: fixture.idOf(other), weight: 0 },
          ],
          { prompt: fixture.model.tokenizer.encode(prompt), endsDocument: true },
        );
        expect(report.entries[0].drop).toBeGreaterThan(report.entries[1].drop + 1);
        expect(report.spearman).toBe(1);
      }
    }
    expect([...followed.keys()].sort()).toEqual(['river-anthology', 'river-ledger']);
    for (const [poem, times] of followed) expect(credit.get(poem)).toBeCloseTo(times, 9);
    // One occurrence each, so the model follows each about half the time.
    expect(followed.get('river-ledger')! / calls).toBeGreaterThan(0.3);
    expect(followed.get('river-ledger')! / calls).toBeLessThan(0.7);
  });

  it('gives a prompt that continues no contribution no answer, and pays by what the model sampled', async () => {
    const g = await ask('Zyzzyva quokka', 1);
    expect(g.stopReason).toBe('no_context');
    expect(g.answer).toBe('');
    expect(g.attribution.basis).toBe('evidence');
    // The unigram state it stopped in is the whole snapshot, by size.
    const sizes = fixture.model.manifest.contributions;
    const total = sizes.reduce((a, c) => a + c.tokens, 0);
    const largest = [...sizes].sort((a, b) => b.tokens - a.tokens)[0];
    const top = g.attribution.contributions.find((c) => c.contributionId === largest.id)!;
    expect(top.weight).toBeCloseTo(largest.tokens / total, 9);
  });

  it('pays a short answer by the poems the model sampled from, not by size', async () => {
    // The whole last line but its full stop: the answer is '.' and '\n', two tokens, each of them
    // continuing a match from the prompt; the credit is the poem's even with minSpan far above it.
    const prompt = 'and pay the hands that taught it how to speak';
    const g = await ask(prompt, 3);
    expect(g.stopReason).toBe('end_of_document');
    expect(g.answer).toBe('.\n');
    expect(g.attribution.creditedTokens).toBe(2);
    expect(g.attribution.contributions.map((c) => fixture.nameOf(c.contributionId))).toEqual([
      'machine-dream',
    ]);
  });

  it('matches Persian typed without the zero-width non-joiner, and shows the poem as written', async () => {
    for (const typed of [
      'مادرم پنجره را باز میکند',
      'مادرم پنجره را باز می کند',
      'مادرم پنجره را باز می\u200cکند',
    ]) {
      const g = await ask(typed, 0);
      expect(g.stopReason).toBe('end_of_document');
      expect(g.answer.startsWith('\nتا صدای آب را به خانه بیاورد.\n')).toBe(true);
      expect(g.attribution.contributions.map((c) => fixture.nameOf(c.contributionId))).toEqual(['baran']);
      expect(g.attribution.spans[0].promptTokens).toBeGreaterThanOrEqual(4);
    }
  });

  it('shows each span as the matched text of the answer', async () => {
    const prompt = 'At the harbour wall the gulls are arguing,';
    const g = await ask(prompt, 0);
    expect(g.answer).toBe(
      '\nکتاب را کنار آب باز می‌کنم\nand every page smells faintly of the tide.\nماهی‌ها زیر نور زرد می‌رقصند\n',
    );
    const starts = g.tokenStarts!;
    expect(starts).toHaveLength(g.tokens.length + 1);
    const [span] = g.attribution.spans;
    expect(g.answer.slice(starts[span.start], starts[span.end])).toBe(g.answer);
  });

  it('still serves an artifact built before words-v2, and refuses a tokenizer it does not know', async () => {
    const { store, model } = fixture;
    // What training wrote before: a format-1 vocabulary, tokenizer words-v1, the same index layout.
    const vocabulary = new Vocabulary(true);
    const documents = multilingualPoems.map((c, i) => ({
      contributionId: String(i + 1),
      tokens: encodeText(c.text, vocabulary, { grow: true }),
    }));
    const index = buildCorpusIndex(documents, { tokenLimit: vocabulary.size + 1 });
    const files = {
      index: await store.putBlob(serializeCorpusIndex(index)),
      vocabulary: await store.putBlob(vocabulary.toBuffer()),
    };
    const manifest = {
      ...model.manifest,
      tokenizer: { kind: 'words' as const, id: 'words-v1', tokenLimit: index.tokenLimit },
      files,
    };
    const noBase = async (): Promise<never> => {
      throw new Error('no base model');
    };
    const old = await loadTrainedModel(store, await store.putManifest(manifest), noBase);
    expect(old.tokenizer.id).toBe('words-v1');
    const prompt = 'The keeper climbs two hundred spiral stairs';
    const g = await generateAnswer(old, { prompt, maxTokens: 64, temperature: 1, topK: 0, seed: 0 });
    expect(g.stopReason).toBe('end_of_document');
    expect(followedBy(prompt, g)).toEqual(['lighthouse-keeper']);
    const unknown = { ...manifest, tokenizer: { ...manifest.tokenizer, id: 'words-v9' } };
    await expect(loadTrainedModel(store, await store.putManifest(unknown), noBase)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('retrain'),
    });
  });
});
