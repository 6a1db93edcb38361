import { gguf } from '../gguf/ggufTypes.ts';
import { readGguf, readGgufTensor, scalarOf } from '../gguf/readGguf.ts';
import type { GgufTensorInput } from '../gguf/writeGguf.ts';
import { writeGguf } from '../gguf/writeGguf.ts';
import type { LoraAdapter, LoraTarget } from './loraAdapter.ts';

/** Everything needed to continue a run exactly: adapter, Adam moments, and where the data stream was. */
export interface LoraCheckpoint {
  /** Optimiser steps taken; the data position follows from it and the seed. */
  step: number;
  tokens: number;
  adapter: LoraAdapter;
  /** Adam first and second moments, one per tensor in pair order (a, b, a, b, …). */
  adamM: Float32Array[];
  adamV: Float32Array[];
  lossCurve: { step: number; loss: number }[];
  baseLoss: number | null;
}

/** A checkpoint as one GGUF file (f32 tensors; the counters as JSON metadata). */
export function encodeLoraCheckpoint(c: LoraCheckpoint): Uint8Array {
  const state = {
    step: c.step,
    tokens: c.tokens,
    lossCurve: c.lossCurve,
    baseLoss: c.baseLoss,
    rank: c.adapter.rank,
    alpha: c.adapter.alpha,
    targets: c.adapter.targets,
    pairs: c.adapter.pairs.map((p) => ({ layer: p.layer, target: p.target, nIn: p.nIn, nOut: p.nOut })),
  };
  const tensors: GgufTensorInput[] = [];
  c.adapter.pairs.forEach((p, i) => {
    const t = (name: string, data: Float32Array) =>
      tensors.push({ name: `p${i}.${name}`, dims: [data.length], type: 'F32', data });
    t('a', p.a);
    t('b', p.b);
    t('ma', c.adamM[2 * i]);
    t('mb', c.adamM[2 * i + 1]);
    t('va', c.adamV[2 * i]);
    t('vb', c.adamV[2 * i + 1]);
  });
  return writeGguf(
    { 'general.type': gguf.str('potluck-lora-checkpoint'), 'potluck.state': gguf.str(JSON.stringify(state)) },
    tensors,
  );
}

export function decodeLoraCheckpoint(bytes: Uint8Array): LoraCheckpoint {
  const file = readGguf(bytes);
  if (scalarOf(file.metadata, 'general.type') !== 'potluck-lora-checkpoint')
    throw new Error('Not a LoRA checkpoint');
  const state = JSON.parse(String(scalarOf(file.metadata, 'potluck.state'))) as {
    step: number;
    tokens: number;
    lossCurve: { step: number; loss: number }[];
    baseLoss: number | null;
    rank: number;
    alpha: number;
    targets: LoraTarget[];
    pairs: { layer: number; target: LoraTarget; nIn: number; nOut: number }[];
  };
  const infos = new Map(file.tensors.map((t) => [t.name, t]));
  const get = (name: string) => {
    const info = infos.get(name);
    if (!info) throw new Error(`Checkpoint lacks ${name}`);
    return readGgufTensor(bytes, info);
  };
  const adamM: Float32Array[] = [];
  const adamV: Float32Array[] = [];
  const pairs = state.pairs.map((p, i) => {
    adamM.push(get(`p${i}.ma`), get(`p${i}.mb`));
    adamV.push(get(`p${i}.va`), get(`p${i}.vb`));
    return { ...p, a: get(`p${i}.a`), b: get(`p${i}.b`) };
  });
  return {
    step: state.step,
    tokens: state.tokens,
    adapter: { rank: state.rank, alpha: state.alpha, targets: state.targets, pairs },
    adamM,
    adamV,
    lossCurve: state.lossCurve,
    baseLoss: state.baseLoss,
  };
}
