import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/**
 * franc's `francAll(value, { only })`, same models, same arithmetic, same order of ties, so the
 * same ranking to the last bit (rankLanguages.test.ts compares them on thousands of texts).
 *
 * Why not franc itself: it was ~45% of the per-item check time (bench/ingest.ts profile). Per call
 * it re-filters every model of the script against `only` (~200 for Latin), counts trigrams in a
 * plain object, sorts them (a step the distance does not need), and looks each trigram up in
 * each language's object. Here the filtered models are built once per `only` list, and each model
 * is a typed array indexed by a trigram id: one Map lookup per distinct trigram of the text, then
 * array reads per language.
 */

const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

type Ranking = [string, number][];

interface ScriptModels {
  /** Trigram -> id, over every model of the script. */
  ids: Map<string, number>;
  /** Languages of the script in franc's order (its data's key order). */
  languages: string[];
  /** Per language (same order): rank of trigram id in its model, or -1. */
  ranks: Int16Array[];
}

const scriptModels = new Map<string, ScriptModels>();

function modelsOf(script: string): ScriptModels {
  let models = scriptModels.get(script);
  if (models) return models;
  const ids = new Map<string, number>();
  const languages = Object.keys(data[script]);
  const lists = languages.map((language) => data[script][language].split('|'));
  for (const list of lists) for (const trigram of list) if (!ids.has(trigram)) ids.set(trigram, ids.size);
  const ranks = lists.map((list) => {
    const rank = new Int16Array(ids.size).fill(-1);
    // franc's loop runs from the end, so a trigram listed twice keeps its first (lowest) position.
    for (let weight = list.length - 1; weight >= 0; weight--) rank[ids.get(list[weight]) as number] = weight;
    return rank;
  });
  models = { ids, languages, ranks };
  scriptModels.set(script, models);
  return models;
}

// Positions (into ScriptModels.languages) of the languages `only` allows, per script and list.
const allowedCache = new Map<string, number[]>();

function allowedPositions(script: string, models: ScriptModels, only: readonly string[]): number[] {
  const key = `${script}|${only.join(',')}`;
  let positions = allowedCache.get(key);
  if (!positions) {
    positions = [];
    for (let i = 0; i < models.languages.length; i++) {
      if (only.length === 0 || only.includes(models.languages[i])) positions.push(i);
    }
    if (allowedCache.size > 200) allowedCache.clear();
    allowedCache.set(key, positions);
  }
  return positions;
}

function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script in expressions) {
    const matches = value.match(expressions[script]);
    const count = (matches ? matches.length : 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

// trigram-utils' clean(): ASCII punctuation and digits to spaces, whitespace collapsed, trimmed, lower case.
const PUNCTUATION = /[\u0021-\u0040]+/g;
const WHITESPACE = /\s+/g;

/** Distinct trigrams of the padded, cleaned text with their counts. */
function trigramCounts(value: string): Map<string, number> {
  const text = ` ${value.replace(PUNCTUATION, ' ').replace(WHITESPACE, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= text.length; i++) {
    const trigram = text.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

/** Languages ranked best first, scores in 0..1 with the best at 1; [['und', 1]] when unknown. */
export function rankLanguages(input: string, only: readonly string[]): Ranking {
  if (!input || input.length < MIN_LENGTH) return [['und', 1]];
  const value = input.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) {
    if (!script || share === 0 || (only.length > 0 && !only.includes(script))) return [['und', 1]];
    return [[script, 1]];
  }
  const models = modelsOf(script);
  const positions = allowedPositions(script, models, only);
  if (positions.length === 0) return [['und', 1]];
  // Each distinct trigram once: its id in the script's models (-1: in none) and its count.
  const counts = trigramCounts(value);
  const ids = new Int32Array(counts.size);
  const occurrences = new Int32Array(counts.size);
  let t = 0;
  for (const [trigram, count] of counts) {
    ids[t] = models.ids.get(trigram) ?? -1;
    occurrences[t++] = count;
  }
  const ranking: Ranking = [];
  for (const position of positions) {
    const rank = models.ranks[position];
    let distance = 0;
    for (let i = 0; i < t; i++) {
      const r = ids[i] < 0 ? -1 : rank[ids[i]];
      if (r < 0) {
        distance += MAX_DIFFERENCE;
      } else {
        // franc's own formula: the text's count against the model's rank.
        const difference = occurrences[i] - r - 1;
        distance += difference < 0 ? -difference : difference;
      }
    }
    ranking.push([models.languages[position], distance]);
  }
  // Stable, as franc's sort is: equal distances keep the models' order.
  ranking.sort((a, b) => a[1] - b[1]);
  const min = ranking[0][1];
  const max = value.length * MAX_DIFFERENCE - min;
  for (const entry of ranking) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranking;
}
