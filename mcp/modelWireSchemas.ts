import { z } from 'zod';
import { amountOut, dateOut } from './wireSchemas.ts';

/** Wire shapes of training runs, models and receipts (see wireSchemas.ts for the conventions). */
export const trainingRunOut = z.object({
  id: z.string(),
  datanetId: z.string(),
  developerAccountId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  options: z.object({
    kind: z.enum(['infini-gram', 'lora']).optional(),
    tokenizer: z.enum(['words', 'base']),
    baseModel: z.string().nullable(),
    minSpan: z.number().int(),
    mixWeight: z.number().optional().describe('∞-gram runs only'),
    lora: z.record(z.string(), z.unknown()).optional().describe('LoRA runs only: the resolved settings'),
  }),
  snapshotRoot: z.string().describe('Merkle root of the approved contributions it trains on'),
  contributionCount: z.number().int(),
  progress: z.number().describe('0 to 1'),
  progressMessage: z.string(),
  attempts: z.number().int(),
  artifactHash: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: dateOut,
  startedAt: dateOut.nullable(),
  finishedAt: dateOut.nullable(),
});
export type TrainingRunWire = z.infer<typeof trainingRunOut>;

const bps = z.number().int().min(0).max(10_000);
export const splitShape = { developerBps: bps, dataBps: bps, validatorsBps: bps, protocolBps: bps };

export const modelOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  runId: z.string(),
  datanetId: z.string(),
  developerAccountId: z.string(),
  pricePerCall: amountOut,
  split: z
    .object(splitShape)
    .describe('basis points of each fee: developer, data contributors, validators, protocol'),
  artifactHash: z.string(),
  snapshotRoot: z.string(),
  baseModel: z.string().nullable(),
  kind: z.enum(['infini-gram', 'lora']).describe('lora: an adapter served on baseModel'),
  adapterHash: z.string().nullable().describe("lora: sha256 of the adapter's llama.cpp LoRA GGUF"),
  usage: z.object({ calls: z.number().int(), fees: amountOut }),
  earnings: z.object({ developer: amountOut, data: amountOut, validators: amountOut, protocol: amountOut }),
  createdAt: dateOut,
});
export type ModelWire = z.infer<typeof modelOut>;

export const receiptOut = z.object({
  receiptId: z.string(),
  receiptHash: z.string().describe('sha256 of the receipt without this field; anyone can recompute it'),
  modelId: z.string(),
  datanetId: z.string(),
  artifactHash: z.string(),
  snapshotRoot: z.string(),
  fee: amountOut,
  parts: z.object({ developer: amountOut, data: amountOut, validators: amountOut, protocol: amountOut }),
  sampling: z.object({
    seed: z.number().int(),
    temperature: z.number(),
    topK: z.number().int(),
    maxTokens: z.number().int(),
  }),
  promptSha256: z.string(),
  answerSha256: z.string(),
  answerTokens: z.number().int(),
  stopReason: z.string(),
  attribution: z.object({
    minSpan: z.number().int(),
    creditedTokens: z.number().int(),
    fallback: z.boolean().describe('no token was credited: see basis for who was paid instead'),
    basis: z
      .enum(['spans', 'evidence', 'snapshot'])
      .optional()
      .describe(
        'spans: by credited tokens; evidence: by the contributions the model sampled from; snapshot: the whole snapshot by size',
      ),
    uncredited: z
      .object({ shortSpan: z.number().int(), unmatched: z.number().int() })
      .optional()
      .describe('answer tokens not credited: match shorter than minSpan, or no match at all'),
    spans: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        length: z.number().int(),
        promptTokens: z.number().int().optional().describe('tokens of the match that lie in the prompt'),
        chars: z
          .tuple([z.number().int(), z.number().int()])
          .optional()
          .describe("the span's characters [from, to) in the answer: the matched text"),
        contributions: z.array(z.object({ contributionId: z.string(), occurrences: z.number().int() })),
        more: z.number().int(),
      }),
    ),
    contributions: z.array(
      z.object({
        contributionId: z.string(),
        contributorAccountId: z.string(),
        weight: z.number().describe('share of the data part, 0 to 1'),
        units: z.string(),
        data: amountOut,
        validators: amountOut,
      }),
    ),
  }),
  payouts: z.array(
    z.object({
      accountId: z
        .string()
        .nullable()
        .describe('null: the protocol treasury (or, for escrow, the attribution escrow)'),
      role: z.enum(['developer', 'contributor', 'validator', 'protocol', 'escrow']),
      amount: amountOut,
    }),
  ),
  neural: z
    .object({
      baseModel: z.string(),
      adapterSha256: z.string(),
      influence: z.object({
        status: z.enum(['computed', 'pending', 'none']),
        scores: z.array(z.object({ contributionId: z.string(), score: z.number() })),
      }),
      influenceWeight: z.number(),
    })
    .optional()
    .describe(
      'LoRA models: influence pending means the data and validator parts wait in escrow until an attribution job pays them',
    ),
  settledAt: dateOut,
});

/** A receipt as get_receipt and the receipt resource show it: anchoring, and the caller's own text. */
export const receiptViewOut = receiptOut.extend({
  anchor: z
    .object({ epoch: z.number().int(), root: z.string(), proof: z.array(z.string()) })
    .nullable()
    .describe('set once its epoch root is cut: verify the receipt on chain with this proof'),
  private: z
    .object({ callerAccountId: z.string(), prompt: z.string(), answer: z.string() })
    .nullable()
    .describe('only for the caller'),
  attributionSettlement: z
    .object({
      status: z.enum(['pending', 'settled']),
      settledAt: z.string().nullable(),
      weights: z.array(z.object({ contributionId: z.string(), units: z.string() })),
      payouts: z.array(z.object({ accountId: z.string().nullable(), role: z.string(), amount: z.string() })),
    })
    .optional()
    .describe('LoRA answers whose influence was pending: where the escrowed parts went once settled'),
});
