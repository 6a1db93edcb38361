import { type Abi, type Address, encodeFunctionData, type Hex, zeroAddress } from 'viem';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { registryAbi, tokenAbi, vaultAbi } from '../abis.ts';
import type { ContractAddresses } from '../types.ts';
import { type ChainWriteKind, outboxPayloads } from './chainWrites.ts';

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
