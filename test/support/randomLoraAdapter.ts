import fs from 'node:fs/promises';
import { encodeLoraGguf } from '../../src/ml/lora/encodeLoraGguf.ts';
import type { LoraAdapter, LoraTarget } from '../../src/ml/lora/loraAdapter.ts';
import { seededNormal, type TinyLlama } from './writeTinyLlamaGguf.ts';

/**
 * A random rank-r LoRA adapter for a tiny Llama (q and v by default), written as llama.cpp LoRA
 * GGUF: stands in for a trained adapter where only "different adapters, different answers" matters.
 */
export function randomLoraAdapter(
  model: Pick<TinyLlama, 'dim' | 'layers' | 'heads' | 'kvHeads'>,
  opts: { seed: number; rank?: number; scale?: number; targets?: LoraTarget[] },
): LoraAdapter {
  const rank = opts.rank ?? 8;
  const scale = opts.scale ?? 0.5;
  const targets = opts.targets ?? ['q', 'v'];
  const normal = seededNormal(opts.seed);
  const kvDim = (model.dim / model.heads) * model.kvHeads;
  const fill = (n: number) => Float32Array.from({ length: n }, () => normal() * scale);
  const pairs = [];
  for (let layer = 0; layer < model.layers; layer++) {
    for (const target of targets) {
      const nOut = target === 'k' || target === 'v' ? kvDim : model.dim;
      pairs.push({ layer, target, nIn: model.dim, nOut, a: fill(rank * model.dim), b: fill(nOut * rank) });
    }
  }
  return { rank, alpha: rank, targets, pairs };
}

export async function writeRandomLoraGguf(
  filePath: string,
  model: Pick<TinyLlama, 'dim' | 'layers' | 'heads' | 'kvHeads'>,
  opts: { seed: number; rank?: number; scale?: number },
): Promise<string> {
  await fs.writeFile(filePath, encodeLoraGguf(randomLoraAdapter(model, opts)));
  return filePath;
}
