import { badInput } from '../errors.ts';
import type { NextTokenDistribution } from './infiniGram.ts';

/**
 * Mixing a neural model's next-token probabilities (indexed by token id) with the ∞-gram:
 * p = lambda * neural / Σ neural + (1 - lambda) * P∞. When the ∞-gram has nothing (empty corpus)
 * the neural side takes all the mass, and a zero neural vector leaves it all to the ∞-gram, so the
 * mixture is always a distribution when either side is.
 */
export function neuralTotal(neural: Float32Array): number {
  let total = 0;
  for (let id = 1; id < neural.length; id++) {
    const p = neural[id];
    if (!(p >= 0 && p < Number.POSITIVE_INFINITY)) {
      throw badInput('External distribution has a negative or non-finite entry.', { id, p });
    }
    total += p;
  }
  return total;
}

export function neuralShare(lambda: number, total: number, infiniteAvailable: boolean): number {
  return !infiniteAvailable ? 1 : total > 0 ? lambda : 0;
}

/** Draws from the neural side alone: the id where the running sum passes random * total. */
export function sampleNeural(neural: Float32Array, total: number, random: () => number): number {
  let left = random() * total;
  let last = -1;
  for (let id = 1; id < neural.length; id++) {
    const p = neural[id];
    if (p > 0) {
      last = id;
      left -= p;
      if (left < 0) return id;
    }
  }
  return last;
}

/** The dense mixture over every id either side knows, in `scratch` when it has the right size. */
export function mixDense(
  neural: Float32Array,
  total: number,
  share: number,
  infinite: NextTokenDistribution | null,
  tokenLimit: number,
  scratch: Float64Array,
): Float64Array {
  const size = Math.max(neural.length, tokenLimit);
  const mixed = scratch.length === size ? scratch : new Float64Array(size);
  const scale = total > 0 ? share / total : 0;
  mixed[0] = 0;
  for (let id = 1; id < neural.length; id++) mixed[id] = scale * neural[id];
  mixed.fill(0, Math.max(neural.length, 1));
  if (infinite) {
    for (let i = 0; i < infinite.tokens.length; i++) {
      mixed[infinite.tokens[i]] += ((1 - share) * infinite.counts[i]) / infinite.total;
    }
  }
  return mixed;
}
