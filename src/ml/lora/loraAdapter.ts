/** Modules LoRA may adapt, by their short names (PEFT's q_proj … down_proj, llama.cpp's attn_q … ffn_down). */
export const LORA_TARGETS = ['q', 'k', 'v', 'o', 'gate', 'up', 'down'] as const;
export type LoraTarget = (typeof LORA_TARGETS)[number];

export const GGUF_TENSOR: Record<LoraTarget, string> = {
  q: 'attn_q',
  k: 'attn_k',
  v: 'attn_v',
  o: 'attn_output',
  gate: 'ffn_gate',
  up: 'ffn_up',
  down: 'ffn_down',
};

export const PEFT_MODULE: Record<LoraTarget, string> = {
  q: 'self_attn.q_proj',
  k: 'self_attn.k_proj',
  v: 'self_attn.v_proj',
  o: 'self_attn.o_proj',
  gate: 'mlp.gate_proj',
  up: 'mlp.up_proj',
  down: 'mlp.down_proj',
};

/** One adapted matrix: W' = W + (alpha / rank) · B · A, in PEFT's row-major layout. */
export interface LoraPair {
  layer: number;
  target: LoraTarget;
  nIn: number;
  nOut: number;
  /** [rank, nIn] */
  a: Float32Array;
  /** [nOut, rank] */
  b: Float32Array;
}

export interface LoraAdapter {
  rank: number;
  alpha: number;
  targets: LoraTarget[];
  /** Ordered by layer, then by LORA_TARGETS order. */
  pairs: LoraPair[];
}

export const loraScale = (adapter: Pick<LoraAdapter, 'rank' | 'alpha'>) => adapter.alpha / adapter.rank;
