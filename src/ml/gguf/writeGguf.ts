import {
  encodeTensorData,
  GGML_TYPE_CODE,
  GGUF_ALIGNMENT,
  GGUF_MAGIC,
  GGUF_VERSION,
  type GgmlType,
  type GgufMetadata,
  type GgufScalar,
  type GgufScalarType,
  VALUE_TYPE_CODE,
} from './ggufTypes.ts';

export interface GgufTensorInput {
  name: string;
  /** ggml order, innermost first: a [out, in] matrix is [in, out]. */
  dims: number[];
  type: GgmlType;
  data: Float32Array;
}

/** Growable little-endian byte writer. */
class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number) {
    this.reserve(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  i8(v: number) {
    this.reserve(1);
    this.view.setInt8(this.length, v);
    this.length += 1;
  }
  u16(v: number) {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  i16(v: number) {
    this.reserve(2);
    this.view.setInt16(this.length, v, true);
    this.length += 2;
  }
  u32(v: number) {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  i32(v: number) {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }
  f32(v: number) {
    this.reserve(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }
  f64(v: number) {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  u64(v: bigint | number) {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }
  i64(v: bigint | number) {
    this.reserve(8);
    this.view.setBigInt64(this.length, BigInt(v), true);
    this.length += 8;
  }
  bytes(b: Uint8Array) {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  str(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.bytes(b);
  }
  padTo(alignment: number) {
    while (this.length % alignment !== 0) this.u8(0);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeScalar(w: ByteWriter, type: GgufScalarType, v: GgufScalar): void {
  switch (type) {
    case 'u8':
      w.u8(Number(v));
      return;
    case 'i8':
      w.i8(Number(v));
      return;
    case 'u16':
      w.u16(Number(v));
      return;
    case 'i16':
      w.i16(Number(v));
      return;
    case 'u32':
      w.u32(Number(v));
      return;
    case 'i32':
      w.i32(Number(v));
      return;
    case 'f32':
      w.f32(Number(v));
      return;
    case 'f64':
      w.f64(Number(v));
      return;
    case 'bool':
      w.u8(v ? 1 : 0);
      return;
    case 'string':
      w.str(String(v));
      return;
    case 'u64':
      w.u64(BigInt(v as number | bigint));
      return;
    case 'i64':
      w.i64(BigInt(v as number | bigint));
      return;
  }
}

/**
 * Encodes a GGUF v3 file: header, metadata, tensor infos, then each tensor's data at a 32-byte
 * aligned offset. Tensors are written in the order given.
 */
export function writeGguf(metadata: GgufMetadata, tensors: readonly GgufTensorInput[]): Uint8Array {
  const w = new ByteWriter();
  w.u32(GGUF_MAGIC);
  w.u32(GGUF_VERSION);
  w.u64(tensors.length);
  w.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    w.str(key);
    w.u32(VALUE_TYPE_CODE[value.type]);
    if (value.type === 'array') {
      w.u32(VALUE_TYPE_CODE[value.itemType]);
      w.u64(value.values.length);
      for (const v of value.values) writeScalar(w, value.itemType, v);
    } else {
      writeScalar(w, value.type, value.value);
    }
  }
  const encoded = tensors.map((t) => {
    const elements = t.dims.reduce((a, b) => a * b, 1);
    if (elements !== t.data.length)
      throw new Error(`Tensor ${t.name}: dims hold ${elements} values, data ${t.data.length}`);
    return encodeTensorData(t.type, t.data);
  });
  let offset = 0;
  for (const [i, t] of tensors.entries()) {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(GGML_TYPE_CODE[t.type]);
    w.u64(offset);
    offset += Math.ceil(encoded[i].length / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;
  }
  w.padTo(GGUF_ALIGNMENT);
  for (const bytes of encoded) {
    w.bytes(bytes);
    w.padTo(GGUF_ALIGNMENT);
  }
  return w.result();
}
