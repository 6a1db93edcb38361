import { decodeFunctionData, type Hex, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { registryAbi, tokenAbi, vaultAbi } from '../abis.ts';
import { outboxCall } from './outboxCall.ts';

const addresses = {
  token: '0x0000000000000000000000000000000000000001',
  registry: '0x0000000000000000000000000000000000000002',
  vault: '0x0000000000000000000000000000000000000003',
} as const;
const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;

describe('outboxCall', () => {
  it('encodes each kind as the contract call it stands for', () => {
    const model = outboxCall(
      'register_model',
      {
        modelRef: h(1),
        snapshotRoot: h(2),
        artifactHash: h(3),
        developer: null,
        pricePerCall: '1000',
        splitBps: [2500, 5000, 1500, 1000],
      },
      addresses,
    );
    expect(model.address).toBe(addresses.registry);
    expect(decodeFunctionData({ abi: registryAbi, data: model.data }).args).toEqual([
      h(1),
      h(2),
      h(3),
      zeroAddress,
      1000n,
      [2500, 5000, 1500, 1000],
    ]);
    const post = outboxCall('post_reward_epoch', { epoch: 3, root: h(9) }, addresses);
    expect(post.address).toBe(addresses.vault);
    expect(decodeFunctionData({ abi: vaultAbi, data: post.data })).toMatchObject({
      functionName: 'postEpochRoot',
      args: [3n, h(9)],
    });
    const window = outboxCall(
      'anchor_contributions',
      { batchId: '7', batchRef: h(4), datanetRefs: [h(5), h(6)], root: h(7), count: 2 },
      addresses,
    );
    expect(decodeFunctionData({ abi: registryAbi, data: window.data })).toMatchObject({
      functionName: 'anchorContributionWindow',
      args: [h(4), h(7), 2],
    });
    // Rows queued before windows name one datanet and replay as that datanet's batch.
    const legacy = outboxCall(
      'anchor_contributions',
      { batchId: '1', batchRef: h(4), datanetRef: h(5), root: h(7), count: 2 },
      addresses,
    );
    expect(decodeFunctionData({ abi: registryAbi, data: legacy.data })).toMatchObject({
      functionName: 'anchorContributionBatch',
      args: [h(4), h(5), h(7), 2],
    });
    const fund = outboxCall('fund_vault', { epoch: 3, amount: '5' }, addresses);
    expect(decodeFunctionData({ abi: tokenAbi, data: fund.data })).toMatchObject({
      functionName: 'mint',
      args: [addresses.vault, 5n],
    });
  });

  it('refuses malformed payloads and unknown kinds as BAD_INPUT', () => {
    const bad = () => outboxCall('anchor_contributions', { batchRef: '0x12', count: 0 }, addresses);
    expect(bad).toThrow(AppError);
    expect(bad).toThrow(/malformed payload/);
    expect(() => outboxCall('mint_everything', {}, addresses)).toThrow(/Unknown outbox kind/);
  });
});
