import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLlamaModel } from '../src/ml/lora/llamaModel.ts';
import { DEFAULT_LORA_CONFIG } from '../src/ml/lora/loraTrainingConfig.ts';
import { trainLoraTfjs } from '../src/ml/lora/trainLoraTfjs.ts';
import { writeTinyLlamaGguf } from '../test/support/writeTinyLlamaGguf.ts';

/**
 * LoRA training on tfjs/wasm (one CPU thread) for two random-weight Llama shapes: ~2M and ~34M
 * parameters, rank 8 on q and v (the defaults), batch 4 × 64 tokens. Reports training tokens/s,
 * peak resident memory and held-out loss before/after on a synthetic fixture (documents walking
 * fixed token cycles, which a random base cannot predict). The 34M run is a few steps only.
 */
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'training', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
}

function fixture(vocab: number, docs: number): number[][] {
  const cycles = Array.from({ length: 4 }, (_, c) =>
    Array.from({ length: 16 }, (_, i) => 3 + ((c * 977 + i * 131) % (vocab - 3))),
  );
  return Array.from({ length: docs }, (_, d) => [
    1,
    ...Array.from({ length: 62 }, (_, i) => cycles[d % 4][(d + i) % 16]),
    2,
  ]);
}

const SHAPES = [
  {
    name: '2m',
    dim: 128,
    layers: 4,
    heads: 4,
    ffn: 344,
    vocabSize: 4096,
    trainDocs: 48,
    heldDocs: 8,
    epochs: 2,
  },
  {
    name: '34m',
    dim: 512,
    layers: 8,
    heads: 8,
    ffn: 1376,
    vocabSize: 8192,
    trainDocs: 12,
    heldDocs: 4,
    epochs: 1,
  },
];

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'potluck-bench-training-'));
try {
  for (const s of SHAPES) {
    const file = await writeTinyLlamaGguf(path.join(dir, `${s.name}.gguf`), {
      ...s,
      kvHeads: s.heads,
      seed: 1,
      scale: 0.02,
      contextLength: 512,
    });
    const model = await loadLlamaModel(await fs.readFile(file.path));
    emit(`${s.name}.parameters`, model.parameters / 1e6, 'M');
    const data = fixture(s.vocabSize, s.trainDocs + s.heldDocs);
    let tokensPerSecond = 0;
    const result = await trainLoraTfjs({
      model,
      onProgress: (p) => {
        tokensPerSecond = p.tokensPerSecond;
      },
      config: {
        ...DEFAULT_LORA_CONFIG,
        maxSeqLen: 64,
        batchSize: 4,
        epochs: s.epochs,
        learningRate: 5e-3,
        seed: 1,
      },
      train: data.slice(0, s.trainDocs),
      heldOut: data.slice(s.trainDocs),
    });
    model.dispose();
    emit(`${s.name}.train_tokens_per_s`, tokensPerSecond, 'tok/s');
    emit(`${s.name}.steps`, result.steps, 'steps');
    emit(`${s.name}.seconds`, result.seconds, 's');
    emit(`${s.name}.heldout_loss_before`, result.eval?.baseLoss ?? Number.NaN, 'nats');
    emit(`${s.name}.heldout_loss_after`, result.eval?.adapterLoss ?? Number.NaN, 'nats');
    emit(`${s.name}.peak_rss`, process.resourceUsage().maxRSS / 1024, 'MB');
  }
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
