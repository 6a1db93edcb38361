import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { trainingRunOut } from '../modelWireSchemas.ts';
import { followTrainingRun, waitSecondsInput } from './followTrainingRun.ts';
import { describeRun } from './getTrainingRun.ts';

export const startTrainingRun = defineTool({
  name: 'start_training_run',
  title: 'Train a model on a datanet',
  description:
    "Snapshots the datanet's approved contributions (their Merkle root is the snapshot id) and queues a training run you own. With waitSeconds it follows the run and reports progress; otherwise poll get_training_run. Publish the succeeded run with publish_model.",
  input: {
    datanetId: idInput('Datanet'),
    options: z
      .object({
        baseModel: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe('a base model name from list_base_models; none: a pure ∞-gram model'),
        tokenizer: z.enum(['words', 'base']).optional(),
        minSpan: z
          .number()
          .int()
          .min(1)
          .max(64)
          .optional()
          .describe('shortest corpus match that earns data credit'),
        mixWeight: z.number().min(0).max(1).optional().describe('weight of the base model in generation'),
        kind: z
          .enum(['infini-gram', 'lora'])
          .optional()
          .describe("'lora' fine-tunes the GGUF base model (baseModel required) with a LoRA adapter"),
        lora: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            'LoRA settings (checked by the server): rank (8), alpha (2·rank), dropout (0.05), targets (["q","v"]; any of q,k,v,o,gate,up,down), learningRate (5e-4), epochs (1), batchSize (4), maxSeqLen (128), tokenBudget, seed (0)',
          ),
      })
      .strict()
      .optional(),
    waitSeconds: waitSecondsInput,
    idempotencyKey: idempotencyKeyInput,
  },
  output: { run: trainingRunOut, replayed: z.boolean() },
  annotations: ADDITIVE_IDEMPOTENT,
  run: async (args, { app, auth }, extra) => {
    const { run, replayed } = await app.training.start({
      accountId: requireAccount(auth),
      datanetId: args.datanetId,
      options: args.options ?? {},
      idempotencyKey: args.idempotencyKey,
    });
    return { run: await followTrainingRun(app, run.id, args.waitSeconds, extra), replayed };
  },
  render: ({ run, replayed }) => `${replayed ? 'Already started. ' : ''}${describeRun(run)}`,
});
