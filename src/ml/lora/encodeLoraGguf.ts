import { gguf } from '../gguf/ggufTypes.ts';
import { GgufFormatError, readGguf, readGgufTensor, scalarOf } from '../gguf/readGguf.ts';
import { writeGguf } from '../gguf/writeGguf.ts';
import {
  GGUF_TENSOR,
  LORA_TARGETS,
  type LoraAdapter,
  type LoraPair,
  type LoraTarget,
} from './loraAdapter.ts';

/**
 * The adapter as llama.cpp's LoRA GGUF (what `convert_lora_to_gguf.py` writes): lora_a has ggml
 * dims [n_in, r] and lora_b [r, n_out], which are PEFT's row-major [r, n_in] and [n_out, r] data
 * unchanged. llama.cpp applies scale · alpha / r.
 */
export function encodeLoraGguf(adapter: LoraAdapter, architecture = 'llama'): Uint8Array {
  const tensors = adapter.pairs.flatMap((p) => {
    const name = `blk.${p.layer}.${GGUF_TENSOR[p.target]}.weight`;
    return [
      { name: `${name}.lora_a`, dims: [p.nIn, adapter.rank], type: 'F32' as const, data: p.a },
      { name: `${name}.lora_b`, dims: [adapter.rank, p.nOut], type: 'F32' as const, data: p.b },
    ];
  });
  return writeGguf(
    {
      'general.architecture': gguf.str(architecture),
      'general.type': gguf.str('adapter'),
      'adapter.type': gguf.str('lora'),
      'adapter.lora.alpha': gguf.f32(adapter.alpha),
    },
    tensors,
  );
}

const TARGET_BY_TENSOR = new Map(Object.entries(GGUF_TENSOR).map(([k, v]) => [v, k as LoraTarget]));

/** Reads a LoRA GGUF back (F32/F16/Q8_0 tensors dequantised). */
export function decodeLoraGguf(bytes: Uint8Array): LoraAdapter {
  const file = readGguf(bytes);
  if (
    scalarOf(file.metadata, 'general.type') !== 'adapter' ||
    scalarOf(file.metadata, 'adapter.type') !== 'lora'
  )
    throw new GgufFormatError('Not a LoRA adapter GGUF');
  const byName = new Map(file.tensors.map((t) => [t.name, t]));
  const pairs: LoraPair[] = [];
  let rank = 0;
  for (const t of file.tensors) {
    const m = /^blk\.(\d+)\.([a-z_]+)\.weight\.lora_a$/.exec(t.name);
    const target = m && TARGET_BY_TENSOR.get(m[2]);
    if (!m || !target) continue;
    const b = byName.get(t.name.replace(/lora_a$/, 'lora_b'));
    if (!b) throw new GgufFormatError(`${t.name} has no lora_b`);
    rank = t.dims[1];
    pairs.push({
      layer: Number(m[1]),
      target,
      nIn: t.dims[0],
      nOut: b.dims[1],
      a: readGgufTensor(bytes, t),
      b: readGgufTensor(bytes, b),
    });
  }
  pairs.sort((x, y) => x.layer - y.layer || LORA_TARGETS.indexOf(x.target) - LORA_TARGETS.indexOf(y.target));
  const targets = LORA_TARGETS.filter((t) => pairs.some((p) => p.target === t));
  return { rank, alpha: Number(scalarOf(file.metadata, 'adapter.lora.alpha') ?? rank), targets, pairs };
}
