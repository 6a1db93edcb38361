import { badInput } from '../errors.ts';

/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) returning floats in [0, 1). Sampling must
 * be reproducible from a seed so a receipt can be replayed; Math.random cannot be seeded.
 */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed)) throw badInput('seed must be an integer.', { seed });
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 12; i++) next();
  return next;
}
