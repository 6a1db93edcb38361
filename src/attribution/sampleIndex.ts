import { badInput } from '../errors.ts';

export interface SamplingOptions {
  /** 1 samples the distribution as is; lower sharpens it; 0 always takes the most likely token. */
  temperature?: number;
  /** Keep only the k most likely tokens (0: keep all). */
  topK?: number;
}

export function checkSamplingOptions(options: SamplingOptions): void {
  const { temperature = 1, topK = 0 } = options;
  if (!(Number.isFinite(temperature) && temperature >= 0)) {
    throw badInput('temperature must be a finite number >= 0.', { temperature });
  }
  if (!(Number.isInteger(topK) && topK >= 0)) throw badInput('topK must be an integer >= 0.', { topK });
}

/**
 * Picks an index of `weights` (non-negative, any scale) after temperature and top-k; -1 when every
 * weight is 0. Ties, for top-k and for temperature 0, go to the lower index, which callers keep
 * in token-id order so results do not depend on iteration order. Dense arrays (a neural model's
 * vocabulary) are walked at most three times, so the loops avoid closures and allocation.
 */
export function sampleIndex(weights: Float64Array, options: SamplingOptions, random: () => number): number {
  const { temperature = 1, topK = 0 } = options;
  let best = -1;
  let bestWeight = 0;
  let positive = 0;
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w > 0) {
      positive++;
      total += w;
      if (w > bestWeight) {
        best = i;
        bestWeight = w;
      }
    }
  }
  if (best < 0 || temperature === 0) return best;

  let candidates: Int32Array | null = null;
  if (topK > 0 && topK < positive) candidates = topIndices(weights, topK);
  if (temperature === 1 && !candidates) return walk(weights, random() * total);

  // Scale by the maximum before the power so small temperatures cannot overflow.
  const exponent = 1 / temperature;
  const count = candidates ? candidates.length : weights.length;
  const scaled = new Float64Array(count);
  total = 0;
  for (let k = 0; k < count; k++) {
    const w = weights[candidates ? candidates[k] : k];
    const v = w > 0 ? (w / bestWeight) ** exponent : 0;
    scaled[k] = v;
    total += v;
  }
  const picked = walk(scaled, random() * total);
  return candidates ? candidates[picked] : picked;
}

/** The index where the running sum of the weights passes `target` (some weight is positive). */
function walk(weights: Float64Array, target: number): number {
  let last = -1;
  let left = target;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w > 0) {
      last = i;
      left -= w;
      if (left < 0) return i;
    }
  }
  // Rounding can leave a hair of the target unspent after the last positive weight.
  return last;
}

/**
 * Indices of the k largest positive weights (ties to the lower index), ascending. A min-heap of k
 * keeps this O(n log k), and most entries cost one comparison with the smallest kept weight:
 * sorting a 50k-token vocabulary per generated token would dominate generation.
 */
export function topIndices(weights: Float64Array, k: number): Int32Array {
  const heap = new Int32Array(k);
  let size = 0;
  // Until the heap is full any positive weight enters; then only weights above the root's (an
  // equal weight found later loses the tie, since indices only grow).
  let threshold = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w > threshold)) continue;
    if (size < k) {
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(weights, i, heap[parent])) break;
        heap[at] = heap[parent];
        at = parent;
      }
      heap[at] = i;
      if (size === k) threshold = weights[heap[0]];
    } else {
      siftDown(weights, heap, size, i);
      threshold = weights[heap[0]];
    }
  }
  return heap.subarray(0, size).sort();
}

/** Whether index a ranks below index b: smaller weight, or an equal weight at a higher index. */
function worse(weights: Float64Array, a: number, b: number): boolean {
  return weights[a] < weights[b] || (weights[a] === weights[b] && a > b);
}

/** Replaces the heap's root (the worst kept index) with `index` and restores the heap. */
function siftDown(weights: Float64Array, heap: Int32Array, size: number, index: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= size) break;
    const right = left + 1;
    const child = right < size && worse(weights, heap[right], heap[left]) ? right : left;
    if (!worse(weights, heap[child], index)) break;
    heap[at] = heap[child];
    at = child;
  }
  heap[at] = index;
}
