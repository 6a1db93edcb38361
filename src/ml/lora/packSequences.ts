import { seededUniform } from '../../shared/seededUniform.ts';

/** One training row: predict target[i] from input[0..i]; mask 0 marks padding. */
export interface PackedSequence {
  input: Int32Array;
  target: Int32Array;
  mask: Float32Array;
}

/**
 * Concatenates the documents (each already framed with BOS/EOS by the caller) and cuts the stream
 * into windows of `length` predictions; the last window is padded and masked. Every token but the
 * first is a target exactly once.
 */
export function packSequences(
  documents: readonly (readonly number[])[],
  length: number,
  pad = 0,
): PackedSequence[] {
  const stream = documents.flat();
  const out: PackedSequence[] = [];
  for (let start = 0; start + 1 < stream.length; start += length) {
    const input = new Int32Array(length).fill(pad);
    const target = new Int32Array(length).fill(pad);
    const mask = new Float32Array(length);
    for (let i = 0; i < length && start + i + 1 < stream.length; i++) {
      input[i] = stream[start + i];
      target[i] = stream[start + i + 1];
      mask[i] = 1;
    }
    out.push({ input, target, mask });
  }
  return out;
}

/** The order of sequences in an epoch: a Fisher–Yates shuffle seeded by (seed, epoch). */
export function epochOrder(count: number, seed: number, epoch: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = seededUniform((seed * 1_000_003 + epoch * 7919 + 1) >>> 0);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
