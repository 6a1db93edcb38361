import { type Abi, type Address, encodeFunctionData, type Hex, zeroAddress } from 'viem';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { MAX_AMOUNT } from '../../shared/amount.ts';
import { registryAbi, tokenAbi, vaultAbi } from '../abis.ts';
import type { ContractAddresses } from '../types.ts';
import type { ChainWriteKind } from './enqueueChainWrite.ts';

const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'must be a bytes32 hex') as z.ZodType<Hex>;
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be an address') as z.ZodType<Address>;
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
 * Payload of each outbox kind, as stored in `chain_outbox.payload`. Writers outside src/chain (models,
 * inference) enqueue these shapes; the worker refuses a malformed row as a permanent failure.
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
} satisfies Record<ChainWriteKind, z.ZodType>;

export interface OutboxCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  data: Hex;
}

/** The contract call an outbox row stands for. A row whose payload does not parse is a bug: BAD_INPUT. */
export function outboxCall(kind: string, payload: unknown, addresses: ContractAddresses): OutboxCall {
  const call = (address: Address, abi: Abi, functionName: string, args: readonly unknown[]): OutboxCall => ({
    address,
    abi,
    functionName,
    args,
    data: encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]),
  });
  const parse = <S extends z.ZodType>(schema: S): z.output<S> => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new AppError('BAD_INPUT', `Outbox row of kind ${kind} has a malformed payload.`, {
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    return parsed.data;
  };
  switch (kind as ChainWriteKind) {
    case 'register_datanet': {
      const p = parse(outboxPayloads.register_datanet);
      return call(addresses.registry, registryAbi, 'registerDatanet', [p.datanetRef, p.metadataHash]);
    }
    case 'anchor_contributions': {
      const p = parse(outboxPayloads.anchor_contributions);
      if (p.datanetRef === undefined) {
        return call(addresses.registry, registryAbi, 'anchorContributionWindow', [
          p.batchRef,
          p.root,
          p.count,
        ]);
      }
      return call(addresses.registry, registryAbi, 'anchorContributionBatch', [
        p.batchRef,
        p.datanetRef,
        p.root,
        p.count,
      ]);
    }
    case 'anchor_validations': {
      const p = parse(outboxPayloads.anchor_validations);
      return call(addresses.registry, registryAbi, 'anchorValidationBatch', [
        p.batchRef,
        p.datanetRef,
        p.root,
        p.count,
      ]);
    }
    case 'register_model': {
      const p = parse(outboxPayloads.register_model);
      return call(addresses.registry, registryAbi, 'registerModel', [
        p.modelRef,
        p.snapshotRoot,
        p.artifactHash,
        p.developer ?? zeroAddress,
        p.pricePerCall,
        p.splitBps,
      ]);
    }
    case 'anchor_receipts': {
      const p = parse(outboxPayloads.anchor_receipts);
      return call(addresses.registry, registryAbi, 'anchorReceiptEpoch', [BigInt(p.epoch), p.root, p.count]);
    }
    case 'post_reward_epoch': {
      const p = parse(outboxPayloads.post_reward_epoch);
      return call(addresses.vault, vaultAbi, 'postEpochRoot', [BigInt(p.epoch), p.root]);
    }
    case 'fund_vault': {
      const p = parse(outboxPayloads.fund_vault);
      return call(addresses.token, tokenAbi, 'mint', [addresses.vault, p.amount]);
    }
    default:
      throw new AppError('BAD_INPUT', `Unknown outbox kind ${kind}.`);
  }
}
