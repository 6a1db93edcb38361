import {
  decodeTensorData,
  GGML_TYPE_CODE,
  GGUF_ALIGNMENT,
  GGUF_MAGIC,
  type GgmlType,
  type GgufMetadata,
  type GgufScalar,
  type GgufScalarType,
  type GgufValue,
  tensorByteLength,
  VALUE_TYPE_CODE,
} from './ggufTypes.ts';

export interface GgufTensorInfo {
  name: string;
  /** ggml order, innermost first. */
  dims: number[];
  type: GgmlType;
  /** Absolute byte offset of the data in the file. */
  offset: number;
  byteLength: number;
  elements: number;
}

export interface GgufFile {
  version: number;
  metadata: GgufMetadata;
  tensors: GgufTensorInfo[];
}

export class GgufFormatError extends Error {}

const TYPE_BY_CODE = new Map(Object.entries(VALUE_TYPE_CODE).map(([k, v]) => [v, k]));
const GGML_BY_CODE = new Map(Object.entries(GGML_TYPE_CODE).map(([k, v]) => [v, k as GgmlType]));

/** Parses a GGUF v2/v3 header (metadata and tensor infos); tensor data is read on demand. */
export function readGguf(bytes: Uint8Array): GgufFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  const need = (n: number) => {
    if (p + n > bytes.byteLength) throw new GgufFormatError('GGUF file is truncated');
  };
  const u32 = () => {
    need(4);
    p += 4;
    return view.getUint32(p - 4, true);
  };
  const u64 = () => {
    need(8);
    p += 8;
    const v = view.getBigUint64(p - 8, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufFormatError('GGUF count out of range');
    return Number(v);
  };
  const str = () => {
    const n = u64();
    need(n);
    p += n;
    return new TextDecoder().decode(bytes.subarray(p - n, p));
  };
  const scalar = (type: GgufScalarType): GgufScalar => {
    const sizes: Record<GgufScalarType, number> = {
      u8: 1,
      i8: 1,
      bool: 1,
      u16: 2,
      i16: 2,
      u32: 4,
      i32: 4,
      f32: 4,
      u64: 8,
      i64: 8,
      f64: 8,
      string: 0,
    };
    if (type === 'string') return str();
    need(sizes[type]);
    const at = p;
    p += sizes[type];
    switch (type) {
      case 'u8':
        return view.getUint8(at);
      case 'i8':
        return view.getInt8(at);
      case 'bool':
        return view.getUint8(at) !== 0;
      case 'u16':
        return view.getUint16(at, true);
      case 'i16':
        return view.getInt16(at, true);
      case 'u32':
        return view.getUint32(at, true);
      case 'i32':
        return view.getInt32(at, true);
      case 'f32':
        return view.getFloat32(at, true);
      case 'u64':
        return view.getBigUint64(at, true);
      case 'i64':
        return view.getBigInt64(at, true);
      case 'f64':
        return view.getFloat64(at, true);
    }
  };
  const valueType = (): GgufScalarType | 'array' => {
    const code = u32();
    const type = TYPE_BY_CODE.get(code);
    if (!type) throw new GgufFormatError(`Unknown GGUF value type ${code}`);
    return type as GgufScalarType | 'array';
  };

  if (u32() !== GGUF_MAGIC) throw new GgufFormatError('Not a GGUF file');
  const version = u32();
  if (version !== 2 && version !== 3) throw new GgufFormatError(`Unsupported GGUF version ${version}`);
  const tensorCount = u64();
  const kvCount = u64();
  const metadata: GgufMetadata = {};
  for (let i = 0; i < kvCount; i++) {
    const key = str();
    const type = valueType();
    let value: GgufValue;
    if (type === 'array') {
      const itemType = valueType();
      if (itemType === 'array') throw new GgufFormatError('Nested GGUF arrays are not supported');
      const n = u64();
      const values: GgufScalar[] = new Array(n);
      for (let j = 0; j < n; j++) values[j] = scalar(itemType);
      value = { type, itemType, values };
    } else {
      value = { type, value: scalar(type) };
    }
    metadata[key] = value;
  }
  const infos: Omit<GgufTensorInfo, 'offset'>[] = [];
  const relative: number[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = str();
    const nDims = u32();
    const dims = Array.from({ length: nDims }, () => u64());
    const code = u32();
    const type = GGML_BY_CODE.get(code);
    if (!type)
      throw new GgufFormatError(`Tensor ${name} has unsupported type ${code} (F32, F16 or Q8_0 only)`);
    const elements = dims.reduce((a, b) => a * b, 1);
    relative.push(u64());
    infos.push({ name, dims, type, elements, byteLength: tensorByteLength(type, elements) });
  }
  const alignment = Number(scalarOf(metadata, 'general.alignment') ?? GGUF_ALIGNMENT);
  const dataStart = Math.ceil(p / alignment) * alignment;
  const tensors = infos.map((t, i) => ({ ...t, offset: dataStart + relative[i] }));
  for (const t of tensors)
    if (t.offset + t.byteLength > bytes.byteLength)
      throw new GgufFormatError(`Tensor ${t.name} is truncated`);
  return { version, metadata, tensors };
}

/** A tensor's values as floats (F16 and Q8_0 dequantised). */
export function readGgufTensor(bytes: Uint8Array, info: GgufTensorInfo): Float32Array {
  return decodeTensorData(
    info.type,
    bytes.subarray(info.offset, info.offset + info.byteLength),
    info.elements,
  );
}

/** A scalar metadata value, or undefined when absent or an array. */
export function scalarOf(metadata: GgufMetadata, key: string): GgufScalar | undefined {
  const v = metadata[key];
  return v && v.type !== 'array' ? v.value : undefined;
}

/** An array metadata value, or undefined. */
export function arrayOf(metadata: GgufMetadata, key: string): GgufScalar[] | undefined {
  const v = metadata[key];
  return v && v.type === 'array' ? v.values : undefined;
}
