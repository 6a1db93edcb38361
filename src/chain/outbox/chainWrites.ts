import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { MAX_AMOUNT } from '../../shared/amount.ts';

const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a bytes32 hex') as z.ZodType<Hex, string>;
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be an address') as z.ZodType<Address, string>;
const uint = z
  .union([z.string().regex(/^\d{1,78}$/), z.number().int().nonnegative()])
  .transform(BigInt)
  .refine((v) => v <= MAX_AMOUNT, 'must fit in a uint256');
const uint32 = z
  .number()
  .int()
  .min(1)
  .max(2 ** 32 - 1);
const bps = z.number().int().min(0).max(10_000);

/**
 * Payload of each outbox kind, as stored in `chain_outbox.payload`. Writers outside src/chain (anchoring,
 * models, inference, rewards) enqueue these shapes; the worker refuses a malformed row as a permanent failure.
 */
export const outboxPayloads = {
  register_datanet: z.object({ datanetId: z.string(), datanetRef: bytes32, metadataHash: bytes32 }),
  // A window across datanets (datanetRefs, informational) or, in rows written before windows, one
  // datanet's batch (datanetRef).
  anchor_contributions: z.object({
    batchId: z.string(),
    batchRef: bytes32,
    datanetRef: bytes32.optional(),
    datanetRefs: z.array(bytes32).optional(),
    root: bytes32,
    count: uint32,
  }),
  anchor_validations: z.object({
    batchId: z.string(),
    batchRef: bytes32,
    datanetRef: bytes32,
    root: bytes32,
    count: uint32,
  }),
  register_model: z.object({
    modelRef: bytes32,
    snapshotRoot: bytes32,
    artifactHash: bytes32,
    /** The developer's linked wallet, or null when they have none. */
    developer: address.nullable(),
    pricePerCall: uint,
    /** [developer, data, validators, protocol] in basis points summing to 10,000. */
    splitBps: z.tuple([bps, bps, bps, bps]),
  }),
  anchor_receipts: z.object({ epoch: z.number().int().min(0), root: bytes32, count: uint32 }),
  post_reward_epoch: z.object({ epoch: z.number().int().min(1), root: bytes32 }),
  fund_vault: z.object({ epoch: z.number().int().min(1), amount: uint }),
} satisfies Record<string, z.ZodType>;

/** The kinds of chain write the outbox carries. */
export type ChainWriteKind = keyof typeof outboxPayloads;

/**
 * One chain write as its writer queues it: the kind picks the payload's shape (the schema's input,
 * so amounts may be decimal strings), checked again by the worker when it encodes the call.
 */
export type ChainWrite = {
  [K in ChainWriteKind]: { kind: K; dedupeKey: string; payload: z.input<(typeof outboxPayloads)[K]> };
}[ChainWriteKind];
