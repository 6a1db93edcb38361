import { describe, expect, it } from 'vitest';
import { decodeLoraGguf, encodeLoraGguf } from './encodeLoraGguf.ts';
import { decodeSafetensors, encodePeftAdapter, unpermuteRows } from './encodePeftAdapter.ts';
import type { LoraAdapter } from './loraAdapter.ts';

const ramp = (n: number, k: number) => Float32Array.from({ length: n }, (_, i) => (i * k) % 7);

const adapter: LoraAdapter = {
  rank: 2,
  alpha: 4,
  targets: ['q', 'v', 'down'],
  pairs: [
    { layer: 0, target: 'q', nIn: 8, nOut: 8, a: ramp(16, 1), b: ramp(16, 2) },
    { layer: 0, target: 'v', nIn: 8, nOut: 4, a: ramp(16, 3), b: ramp(8, 4) },
    { layer: 1, target: 'down', nIn: 6, nOut: 8, a: ramp(12, 5), b: ramp(16, 6) },
  ],
};

describe('LoRA adapter formats', () => {
  it('round-trips through llama.cpp LoRA GGUF with its tensor names and shapes', () => {
    const bytes = encodeLoraGguf(adapter);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('GGUF');
    expect(decodeLoraGguf(bytes)).toEqual(adapter);
  });

  it('writes PEFT safetensors with PEFT names, shapes and q rows in Hugging Face order', () => {
    const peft = encodePeftAdapter(adapter, { baseModelName: 'tiny', heads: 2, kvHeads: 1, dropout: 0.05 });
    const config = JSON.parse(peft.adapterConfigJson);
    expect(config).toMatchObject({ peft_type: 'LORA', r: 2, lora_alpha: 4, lora_dropout: 0.05 });
    expect(config.target_modules).toEqual(['q_proj', 'v_proj', 'down_proj']);
    const tensors = decodeSafetensors(peft.adapterModelSafetensors);
    expect([...tensors.keys()]).toEqual([
      'base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight',
      'base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight',
      'base_model.model.model.layers.0.self_attn.v_proj.lora_A.weight',
      'base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight',
      'base_model.model.model.layers.1.mlp.down_proj.lora_A.weight',
      'base_model.model.model.layers.1.mlp.down_proj.lora_B.weight',
    ]);
    const vB = tensors.get('base_model.model.model.layers.0.self_attn.v_proj.lora_B.weight');
    expect(vB?.shape).toEqual([4, 2]);
    expect(Array.from(vB?.data ?? [])).toEqual(Array.from(adapter.pairs[1].b));
    const qB = tensors.get('base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight');
    expect(Array.from(qB?.data ?? [])).toEqual(Array.from(unpermuteRows(adapter.pairs[0].b, 8, 2, 2)));
  });

  it('undoes llama.cpp rotary row interleaving per head', () => {
    // One head of size 4: GGUF rows (x0, y0, x1, y1) are HF rows (x0, x1, y0, y1).
    expect(Array.from(unpermuteRows(Float32Array.from([0, 1, 2, 3]), 4, 1, 1))).toEqual([0, 2, 1, 3]);
    expect(Array.from(unpermuteRows(Float32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 8, 1, 2))).toEqual([
      0, 2, 1, 3, 4, 6, 5, 7,
    ]);
  });
});
