import { describe, expect, it } from 'vitest';
import { fromHalf, gguf, toHalf } from './ggufTypes.ts';
import { arrayOf, readGguf, readGgufTensor, scalarOf } from './readGguf.ts';
import { writeGguf } from './writeGguf.ts';

function values(n: number, seed = 1): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 4;
  }
  return out;
}

describe('GGUF', () => {
  it('round-trips metadata and F32/F16/Q8_0 tensors at aligned offsets', () => {
    const a = values(64 * 3, 1);
    const b = values(32 * 5, 2);
    const c = values(7, 3);
    const bytes = writeGguf(
      {
        'general.architecture': gguf.str('llama'),
        'llama.block_count': gguf.u32(2),
        'llama.attention.layer_norm_rms_epsilon': gguf.f32(1e-5),
        'tokenizer.ggml.tokens': gguf.arr('string', ['a', 'bé', '<s>']),
        'tokenizer.ggml.scores': gguf.arr('f32', [0, -1, -2]),
        'x.flag': gguf.bool(true),
        'x.big': gguf.u64(2n ** 40n),
      },
      [
        { name: 'q8', dims: [64, 3], type: 'Q8_0', data: a },
        { name: 'f16', dims: [32, 5], type: 'F16', data: b },
        { name: 'f32', dims: [7], type: 'F32', data: c },
      ],
    );
    const file = readGguf(bytes);
    expect(file.version).toBe(3);
    expect(scalarOf(file.metadata, 'general.architecture')).toBe('llama');
    expect(scalarOf(file.metadata, 'llama.block_count')).toBe(2);
    expect(scalarOf(file.metadata, 'llama.attention.layer_norm_rms_epsilon')).toBeCloseTo(1e-5, 10);
    expect(arrayOf(file.metadata, 'tokenizer.ggml.tokens')).toEqual(['a', 'bé', '<s>']);
    expect(scalarOf(file.metadata, 'x.flag')).toBe(true);
    expect(scalarOf(file.metadata, 'x.big')).toBe(2n ** 40n);
    expect(file.tensors.map((t) => [t.name, t.dims, t.type])).toEqual([
      ['q8', [64, 3], 'Q8_0'],
      ['f16', [32, 5], 'F16'],
      ['f32', [7], 'F32'],
    ]);
    for (const t of file.tensors) expect(t.offset % 32).toBe(0);
    const [q8, f16, f32] = file.tensors.map((t) => readGgufTensor(bytes, t));
    expect(Array.from(f32)).toEqual(Array.from(c));
    for (let i = 0; i < b.length; i++) expect(Math.abs(f16[i] - b[i])).toBeLessThan(2e-3);
    // Q8_0 error is at most half a step of its block's scale (max |x| / 127).
    for (let i = 0; i < a.length; i++) expect(Math.abs(q8[i] - a[i])).toBeLessThan(2 / 127 + 1e-3);
  });

  it('converts halves exactly where representable and rounds to nearest even', () => {
    for (const x of [0, 1, -2, 0.5, 65504, 2 ** -24, -1.5 * 2 ** -10]) expect(fromHalf(toHalf(x))).toBe(x);
    expect(fromHalf(toHalf(1 + 2 ** -11))).toBe(1); // tie rounds to even
    expect(fromHalf(toHalf(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9);
    expect(fromHalf(toHalf(1e6))).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a file that is not GGUF or is truncated', () => {
    expect(() => readGguf(new Uint8Array(16))).toThrow(/Not a GGUF/);
    const bytes = writeGguf({}, [{ name: 't', dims: [4], type: 'F32', data: new Float32Array(4) }]);
    expect(() => readGguf(bytes.subarray(0, bytes.length - 20))).toThrow(/truncated/);
  });
});
