import { type LoraAdapter, PEFT_MODULE } from './loraAdapter.ts';

export interface PeftExportOptions {
  /** Recorded as base_model_name_or_path. */
  baseModelName: string;
  heads: number;
  kvHeads: number;
  dropout?: number;
}

export interface PeftFiles {
  adapterConfigJson: string;
  adapterModelSafetensors: Uint8Array;
}

/**
 * PEFT's adapter_config.json and adapter_model.safetensors for the Hugging Face original of the
 * GGUF base. llama.cpp's converter permutes q and k rows (HF's rotate-half rotary → adjacent
 * pairs), so q's and k's lora_B rows are permuted back here; everything else is unchanged.
 */
export function encodePeftAdapter(adapter: LoraAdapter, opts: PeftExportOptions): PeftFiles {
  const tensors: { name: string; shape: number[]; data: Float32Array }[] = [];
  for (const p of adapter.pairs) {
    const prefix = `base_model.model.model.layers.${p.layer}.${PEFT_MODULE[p.target]}`;
    let b = p.b;
    if (p.target === 'q') b = unpermuteRows(b, p.nOut, adapter.rank, opts.heads);
    if (p.target === 'k') b = unpermuteRows(b, p.nOut, adapter.rank, opts.kvHeads);
    tensors.push({ name: `${prefix}.lora_A.weight`, shape: [adapter.rank, p.nIn], data: p.a });
    tensors.push({ name: `${prefix}.lora_B.weight`, shape: [p.nOut, adapter.rank], data: b });
  }
  const config = {
    base_model_name_or_path: opts.baseModelName,
    bias: 'none',
    fan_in_fan_out: false,
    inference_mode: true,
    init_lora_weights: true,
    layers_to_transform: null,
    lora_alpha: adapter.alpha,
    lora_dropout: opts.dropout ?? 0,
    modules_to_save: null,
    peft_type: 'LORA',
    r: adapter.rank,
    revision: null,
    target_modules: adapter.targets.map((t) => PEFT_MODULE[t].split('.')[1]),
    task_type: 'CAUSAL_LM',
    use_dora: false,
    use_rslora: false,
  };
  return {
    adapterConfigJson: `${JSON.stringify(config, null, 2)}\n`,
    adapterModelSafetensors: encodeSafetensors(tensors, { format: 'pt' }),
  };
}

/** GGUF row h·d + 2i + j holds HF row h·d + j·d/2 + i (d = head size). */
export function unpermuteRows(data: Float32Array, rows: number, cols: number, heads: number): Float32Array {
  const d = rows / heads;
  const out = new Float32Array(data.length);
  for (let h = 0; h < heads; h++)
    for (let i = 0; i < d / 2; i++)
      for (let j = 0; j < 2; j++) {
        const from = (h * d + 2 * i + j) * cols;
        out.set(data.subarray(from, from + cols), (h * d + j * (d / 2) + i) * cols);
      }
  return out;
}

/** safetensors: u64 header length, JSON header (8-byte padded), then the raw little-endian data. */
function encodeSafetensors(
  tensors: readonly { name: string; shape: number[]; data: Float32Array }[],
  metadata: Record<string, string> = {},
): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] };
    offset += t.data.byteLength;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((json.length + 8) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), at);
    at += t.data.byteLength;
  }
  return out;
}

/** Reads a safetensors file of F32 tensors (for tests and re-import). */
export function decodeSafetensors(bytes: Uint8Array): Map<string, { shape: number[]; data: Float32Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<
    string,
    { dtype: string; shape: number[]; data_offsets: [number, number] }
  >;
  const out = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [name, t] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (t.dtype !== 'F32') throw new Error(`${name}: only F32 is supported`);
    const slice = bytes.slice(8 + n + t.data_offsets[0], 8 + n + t.data_offsets[1]);
    out.set(name, { shape: t.shape, data: new Float32Array(slice.buffer) });
  }
  return out;
}
