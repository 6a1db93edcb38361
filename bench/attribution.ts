import { attributeAnswer } from '../src/attribution/attributeAnswer.ts';
import { buildCorpusIndex, type CorpusDocument } from '../src/attribution/buildCorpusIndex.ts';
import type { CorpusIndex } from '../src/attribution/corpusIndex.ts';
import { InfiniGram } from '../src/attribution/infiniGram.ts';
import { loadCorpusIndex } from '../src/attribution/loadCorpusIndex.ts';
import { seededRandom } from '../src/attribution/seededRandom.ts';
import { serializeCorpusIndex } from '../src/attribution/serializeCorpusIndex.ts';
import { SuffixTracker } from '../src/attribution/suffixTracker.ts';
import { encodeText } from '../src/attribution/wordTokenizer.ts';
import { generateAnswer } from '../src/inference/generateAnswer.ts';
import { buildFixtureCorpus, fixtureMosaics } from '../test/support/attribution/attributionFixture.ts';
import { leaveOneOut } from '../test/support/attribution/leaveOneOut.ts';
import { loadMultilingualModel, multilingualPoems } from '../test/support/multilingualPoems.ts';
import { VOCABULARY, zipfStream } from './_zipf.ts';

/**
 * Corpus index build and load, span matching, ∞-gram generation and leave-one-out faithfulness.
 * Synthetic corpora are Zipf-distributed token streams (vocabulary 50k, exponent 1) cut into
 * 1,000-token documents. Runs in about a minute and under 1 GB. The suffix-array build on its own
 * (throughput and peak memory) is bench/suffixArray.ts's.
 */

// Same line format as bench/_support.ts, which is not imported because it loads the database harness.
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'attribution', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
}

const random = seededRandom(2024);

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

// 1. A 10M-token corpus index; load time of its serialised form.
const corpus = zipfStream(10_000_000, random);
const documents: CorpusDocument[] = [];
for (let at = 0, d = 0; at < corpus.length; at += 1000, d++) {
  documents.push({ contributionId: `c${d % 2000}`, tokens: corpus.subarray(at, at + 1000) });
}
let index!: CorpusIndex;
emit(
  'corpus_index_build_ms_10m',
  timeMs(() => (index = buildCorpusIndex(documents, { tokenLimit: VOCABULARY + 1 }))),
  'ms',
);
const serialised = serializeCorpusIndex(index);
emit(
  'corpus_index_load_ms_10m',
  timeMs(() => loadCorpusIndex(serialised)),
  'ms',
);

/** Answers stitched from corpus passages of 5-40 tokens with a random token between them. */
function stitchedAnswer(length: number): Int32Array {
  const answer = new Int32Array(length);
  for (let i = 0; i < length; ) {
    const span = 5 + Math.floor(random() * 36);
    const from = Math.floor(random() * (corpus.length - span));
    for (let k = 0; k < span && i < length; k++) answer[i++] = corpus[from + k];
    if (i < length) answer[i++] = 1 + Math.floor(random() * VOCABULARY);
  }
  return answer;
}

// 2. Longest match ending at every answer token (the attribution scan), and standalone queries.
const answers = Array.from({ length: 400 }, () => stitchedAnswer(200));
const scan = () => {
  const tracker = new SuffixTracker(index, false);
  for (const answer of answers) {
    tracker.reset();
    for (let j = 1; j <= answer.length; j++) tracker.push(answer, j);
  }
};
scan();
emit('longest_match_us_per_token_10m', (timeMs(scan) * 1000) / (answers.length * 200), 'us/token');
const contexts = answers.map((a) => a.subarray(0, 64));
const queries = () => {
  for (const context of contexts) index.longestSuffixMatch(context);
};
queries();
emit(
  'longest_suffix_match_us_per_query_10m',
  (timeMs(queries) * 1000) / contexts.length,
  'us/query (64-token context)',
);
const attribute = () => {
  for (const answer of answers.slice(0, 100)) attributeAnswer(index, answer, { minSpan: 4 });
};
emit('attribute_answer_us_per_token_10m', (timeMs(attribute) * 1000) / (100 * 200), 'us/token');

// 3. ∞-gram generation on the 10M corpus.
const model = new InfiniGram(index);
for (const [label, options] of [
  ['plain', {}],
  ['topk40_t0.8', { topK: 40, temperature: 0.8 }],
] as const) {
  await model.generate(answers[0].subarray(0, 16), { maxTokens: 500, ...options });
  let generated = 0;
  const start = performance.now();
  for (let s = 0; s < 20; s++) {
    const result = await model.generate(answers[s].subarray(0, 16), { maxTokens: 1000, seed: s, ...options });
    generated += result.tokens.length;
  }
  emit(
    `infinigram_generate_tokens_per_s_10m_${label}`,
    generated / ((performance.now() - start) / 1000),
    'tokens/s',
  );
}
// A stand-in neural model: a fixed uniform vector over the 50k ids (the cost is the mixing).
const neural = new Float32Array(VOCABULARY + 1).fill(1 / VOCABULARY);
neural[0] = 0;
for (const [label, options] of [
  ['plain', {}],
  ['topk40_t0.8', { topK: 40, temperature: 0.8 }],
] as const) {
  const external = { lambda: 0.3, distribution: () => neural };
  const start = performance.now();
  const result = await model.generate(answers[1].subarray(0, 16), {
    maxTokens: 1000,
    seed: 1,
    external,
    ...options,
  });
  const seconds = (performance.now() - start) / 1000;
  emit(`infinigram_generate_tokens_per_s_10m_external_${label}`, result.tokens.length / seconds, 'tokens/s');
}

// 4. Faithfulness on the bilingual fixture: stitched mosaics, and answers the ∞-gram generates.
const fixture = buildFixtureCorpus();
const mosaicScores = fixtureMosaics.map((mosaic) => {
  const answer = encodeText(mosaic.text, fixture.vocabulary);
  return leaveOneOut(fixture.index, answer, attributeAnswer(fixture.index, answer).contributions).spearman;
});
emit('loo_spearman_fixture_mosaics_min', Math.min(...mosaicScores), 'rho');
const fixtureModel = new InfiniGram(fixture.index);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
// With fewer than 3 credited contributions Spearman over them alone is undefined (1) or a coin
// flip (2), so those answers are scored with the rest of the snapshot as one more, uncredited entry.
const generatedScores: number[] = [];
const generatedFewScores: number[] = [];
for (let seed = 0; seed < 200; seed++) {
  const prompt = encodeText(seed % 2 ? 'The' : 'و', fixture.vocabulary);
  const generated = await fixtureModel.generate(prompt, { maxTokens: 60, seed, temperature: 1.3 });
  const { tokens } = generated;
  const endsDocument = generated.stopReason === 'end_of_document';
  const { contributions } = attributeAnswer(fixture.index, tokens, { prompt, endsDocument });
  if (contributions.length === 0) continue;
  const few = contributions.length < 3;
  const rho = leaveOneOut(fixture.index, tokens, contributions, {
    prompt,
    endsDocument,
    includeRest: few,
  }).spearman;
  if (!Number.isNaN(rho)) (few ? generatedFewScores : generatedScores).push(rho);
}
// Answers end with the poem they follow now, so few if any credit 3 contributions.
if (generatedScores.length > 0) {
  emit(
    'loo_spearman_fixture_generated_mean',
    mean(generatedScores),
    `rho (${generatedScores.length} answers with >= 3 contributions)`,
  );
}
emit(
  'loo_spearman_fixture_generated_lt3_mean',
  mean(generatedFewScores),
  `rho vs the rest of the snapshot (${generatedFewScores.length} answers with 1-2 contributions)`,
);

// 5. /ask with the defaults (64 tokens, temperature 1) on the multilingual fixture, through the
// artifact and generateAnswer as a paid call runs it: from each poem's first line and a mid-poem one.
const ask = await loadMultilingualModel();
const askScores: number[] = [];
const askFewScores: number[] = [];
let calls = 0;
let ended = 0;
let creditedToFollowed = 0;
for (const poem of multilingualPoems) {
  const lines = poem.text.split('\n');
  for (const prompt of [lines[0], `${lines[1]}\n${lines[2].split(' ').slice(0, 3).join(' ')}`]) {
    for (let seed = 0; seed < 10; seed++) {
      const g = await generateAnswer(ask.model, { prompt, maxTokens: 64, temperature: 1, topK: 0, seed });
      calls++;
      if (g.stopReason === 'end_of_document') ended++;
      const followed = multilingualPoems.filter((p) => p.text.endsWith(prompt + g.answer));
      const top = g.attribution.contributions[0];
      if (followed.length === 1 && top && ask.nameOf(top.contributionId) === followed[0].contributionId) {
        creditedToFollowed++;
      }
      const contributions = g.attribution.contributions;
      if (contributions.length === 0) continue;
      const few = contributions.length < 3;
      const rho = leaveOneOut(ask.model.index, g.tokens, contributions, {
        prompt: ask.model.tokenizer.encode(prompt),
        endsDocument: g.stopReason === 'end_of_document',
        includeRest: few,
      }).spearman;
      if (!Number.isNaN(rho)) (few ? askFewScores : askScores).push(rho);
    }
  }
}
ask.close();
emit('fixture_ask_default_end_of_document_fraction', ended / calls, `of ${calls} calls`);
emit('fixture_ask_default_credited_to_followed_fraction', creditedToFollowed / calls, `of ${calls} calls`);
emit(
  'loo_spearman_fixture_ask_default_lt3_mean',
  mean(askFewScores),
  `rho vs the rest of the snapshot (${askFewScores.length} answers with 1-2 contributions)`,
);
if (askScores.length > 0) {
  emit(
    'loo_spearman_fixture_ask_default_mean',
    mean(askScores),
    `rho (${askScores.length} answers with >= 3 contributions)`,
  );
}
emit('peak_rss_mb', process.memoryUsage().rss / 2 ** 20, 'MB');
