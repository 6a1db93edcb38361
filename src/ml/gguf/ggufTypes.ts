/**
 * GGUF v3 (llama.cpp's model file) value and tensor types shared by the reader and the writer.
 * Dimensions are in ggml order: innermost (fastest-varying) first, so a PyTorch weight [out, in]
 * has dims [in, out] and its row-major data is unchanged.
 */
export const GGUF_MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
export const GGUF_VERSION = 3;
export const GGUF_ALIGNMENT = 32;

export type GgufScalarType =
  | 'u8'
  | 'i8'
  | 'u16'
  | 'i16'
  | 'u32'
  | 'i32'
  | 'f32'
  | 'bool'
  | 'string'
  | 'u64'
  | 'i64'
  | 'f64';

/** Wire codes of gguf_type, in the spec's order. */
export const VALUE_TYPE_CODE: Record<GgufScalarType | 'array', number> = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
};

export type GgufScalar = number | bigint | boolean | string;

export type GgufValue =
  | { type: GgufScalarType; value: GgufScalar }
  | { type: 'array'; itemType: GgufScalarType; values: GgufScalar[] };

export type GgufMetadata = Record<string, GgufValue>;

/** Tensor storage types this code reads and writes (ggml_type codes). */
export type GgmlType = 'F32' | 'F16' | 'Q8_0';
export const GGML_TYPE_CODE: Record<GgmlType, number> = { F32: 0, F16: 1, Q8_0: 8 };

/** Q8_0: blocks of 32 values, each an f16 scale then 32 int8s. */
const Q8_0_BLOCK = 32;
const Q8_0_BLOCK_BYTES = 34;

export function tensorByteLength(type: GgmlType, elements: number): number {
  if (type === 'F32') return elements * 4;
  if (type === 'F16') return elements * 2;
  return (elements / Q8_0_BLOCK) * Q8_0_BLOCK_BYTES;
}

/** Builders, so metadata reads like the spec: `{ 'llama.block_count': gguf.u32(2) }`. */
export const gguf = {
  u32: (value: number): GgufValue => ({ type: 'u32', value }),
  i32: (value: number): GgufValue => ({ type: 'i32', value }),
  f32: (value: number): GgufValue => ({ type: 'f32', value }),
  bool: (value: boolean): GgufValue => ({ type: 'bool', value }),
  str: (value: string): GgufValue => ({ type: 'string', value }),
  u64: (value: bigint): GgufValue => ({ type: 'u64', value }),
  arr: (itemType: GgufScalarType, values: GgufScalar[]): GgufValue => ({ type: 'array', itemType, values }),
};

const f32Buf = new Float32Array(1);
const u32Buf = new Uint32Array(f32Buf.buffer);

/** IEEE half from float, rounding to nearest even (as ggml's F16 conversion does). */
export function toHalf(x: number): number {
  f32Buf[0] = x;
  const bits = u32Buf[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rem > mid || (rem === mid && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  if (rem > 0x1000 || (rem === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Encodes float data as a ggml tensor's bytes; Q8_0 as ggml's reference quantiser does it. */
export function encodeTensorData(type: GgmlType, data: Float32Array): Uint8Array {
  if (type === 'F32')
    return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  if (type === 'F16') {
    const out = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = toHalf(data[i]);
    return new Uint8Array(out.buffer);
  }
  if (data.length % Q8_0_BLOCK !== 0) throw new Error(`Q8_0 needs a multiple of ${Q8_0_BLOCK} values`);
  const blocks = data.length / Q8_0_BLOCK;
  const out = new Uint8Array(blocks * Q8_0_BLOCK_BYTES);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let i = 0; i < Q8_0_BLOCK; i++) amax = Math.max(amax, Math.abs(data[b * Q8_0_BLOCK + i]));
    const d = amax / 127;
    const id = d ? 1 / d : 0;
    view.setUint16(b * Q8_0_BLOCK_BYTES, toHalf(d), true);
    for (let i = 0; i < Q8_0_BLOCK; i++) {
      const v = data[b * Q8_0_BLOCK + i] * id;
      // roundf: half away from zero
      view.setInt8(b * Q8_0_BLOCK_BYTES + 2 + i, Math.sign(v) * Math.round(Math.abs(v)));
    }
  }
  return out;
}

/** Decodes a ggml tensor's bytes to floats. */
export function decodeTensorData(type: GgmlType, bytes: Uint8Array, elements: number): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(elements);
  if (type === 'F32') {
    for (let i = 0; i < elements; i++) out[i] = view.getFloat32(i * 4, true);
  } else if (type === 'F16') {
    for (let i = 0; i < elements; i++) out[i] = fromHalf(view.getUint16(i * 2, true));
  } else {
    for (let b = 0; b < elements / Q8_0_BLOCK; b++) {
      const d = fromHalf(view.getUint16(b * Q8_0_BLOCK_BYTES, true));
      for (let i = 0; i < Q8_0_BLOCK; i++)
        out[b * Q8_0_BLOCK + i] = d * view.getInt8(b * Q8_0_BLOCK_BYTES + 2 + i);
    }
  }
  return out;
}
