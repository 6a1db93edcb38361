import fc from 'fast-check';
import { type Hex, keccak256, parseEventLogs, stringToHex, zeroAddress } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ContributionLeaf,
  contributionTree,
  receiptTree,
  validationTree,
} from '../src/anchoring/merkleTrees.ts';
import { accountRef, toBytes32Ref } from '../src/anchoring/toBytes32Ref.ts';
import { registryAbi } from '../src/chain/abis.ts';
import type { EmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { deployFixture, type Fixture, mined, revertOf, startFixtureChain } from './fixture.ts';

const hash = (s: string): Hex => keccak256(stringToHex(s));
const datanetId = toBytes32Ref('datanet', 'persian-poetry');

const contributions = (n: number, tag = 'a'): ContributionLeaf[] =>
  Array.from({ length: n }, (_, i) => ({
    contributionId: toBytes32Ref('contribution', `${tag}-${i}`),
    contributorRef: accountRef(`acct-${i % 3}`),
    contentHash: hash(`poem ${tag} ${i}`),
    datanetId,
  }));

let chain: EmbeddedChain;
let f: Fixture;

beforeAll(async () => {
  chain = await startFixtureChain();
});
afterAll(async () => {
  await chain.close();
});
beforeEach(async () => {
  f = await deployFixture(chain);
  await mined(chain, f.admin.registry.write.registerDatanet([datanetId, hash('meta v1')]));
});

describe('AttributionRegistry access control', () => {
  it('reverts every write from an account without ANCHOR_ROLE', async () => {
    const outsider = f.as(f.others[0]).registry;
    const tree = contributionTree(contributions(2));
    const root = tree.root as Hex;
    const expected = 'AccessControlUnauthorizedAccount';
    expect(await revertOf(outsider.write.registerDatanet([hash('other'), hash('m')]))).toBe(expected);
    expect(await revertOf(outsider.write.anchorContributionBatch([hash('b'), datanetId, root, 2]))).toBe(
      expected,
    );
    expect(await revertOf(outsider.write.anchorValidationBatch([hash('b'), datanetId, root, 2]))).toBe(
      expected,
    );
    expect(await revertOf(outsider.write.anchorReceiptEpoch([1n, root, 2]))).toBe(expected);
    expect(
      await revertOf(
        outsider.write.registerModel([
          hash('m'),
          root,
          hash('art'),
          zeroAddress,
          1n,
          [5000, 3000, 1000, 1000],
        ]),
      ),
    ).toBe(expected);
  });

  it('lets a granted anchorer write', async () => {
    const anchorer = f.others[1];
    const role = await f.admin.registry.read.ANCHOR_ROLE();
    await mined(chain, f.admin.registry.write.grantRole([role, anchorer.address]));
    await mined(chain, f.as(anchorer).registry.write.registerDatanet([hash('second'), hash('m')]));
    expect(await f.admin.registry.read.datanetMetadata([hash('second')])).toBe(hash('m'));
  });
});

describe('datanets', () => {
  it('are idempotent on replay and refuse a different metadata hash', async () => {
    const replay = await mined(chain, f.admin.registry.write.registerDatanet([datanetId, hash('meta v1')]));
    expect(replay.logs).toHaveLength(0);
    expect(await revertOf(f.admin.registry.write.registerDatanet([datanetId, hash('meta v2')]))).toBe(
      'DatanetConflict',
    );
  });
});

describe('contribution batches', () => {
  it('anchor a root and verify good proofs, reject tampered ones', async () => {
    const leaves = contributions(37);
    const tree = contributionTree(leaves);
    const batchId = toBytes32Ref('batch', 1);
    const receipt = await mined(
      chain,
      f.admin.registry.write.anchorContributionBatch([batchId, datanetId, tree.root as Hex, leaves.length]),
    );
    const [event] = parseEventLogs({
      abi: registryAbi,
      logs: receipt.logs,
      eventName: 'ContributionBatchAnchored',
    });
    expect(event.args).toEqual({ batchId, datanetId, root: tree.root, count: 37 });

    for (const [i, value] of tree.entries()) {
      const proof = tree.getProof(i) as Hex[];
      expect(await f.admin.registry.read.verifyContribution([batchId, ...value, proof])).toBe(true);
    }
    const [id, ref, content, dn] = tree.at(0)!;
    const proof = tree.getProof(0) as Hex[];
    const verify = (args: [Hex, Hex, Hex, Hex], p: Hex[], batch = batchId) =>
      f.admin.registry.read.verifyContribution([batch, ...args, p]);
    expect(await verify([id, accountRef('someone else'), content, dn], proof)).toBe(false);
    expect(await verify([id, ref, hash('forged'), dn], proof)).toBe(false);
    expect(await verify([hash('other id'), ref, content, dn], proof)).toBe(false);
    expect(await verify([id, ref, content, hash('other datanet')], proof)).toBe(false);
    expect(await verify([id, ref, content, dn], [...proof.slice(1)])).toBe(false);
    expect(await verify([id, ref, content, dn], proof, toBytes32Ref('batch', 'unknown'))).toBe(false);
  });

  it('are a no-op when replayed with identical data and revert on conflicting data', async () => {
    const tree = contributionTree(contributions(4));
    const args = [toBytes32Ref('batch', 2), datanetId, tree.root as Hex, 4] as const;
    await mined(chain, f.admin.registry.write.anchorContributionBatch(args));
    const replay = await mined(chain, f.admin.registry.write.anchorContributionBatch(args));
    expect(replay.logs).toHaveLength(0);
    const { result } = await f.admin.registry.simulate.anchorContributionBatch(args);
    expect(result).toBe(false);
    const stored = await f.admin.registry.read.contributionBatch([args[0]]);
    expect(stored).toMatchObject({ root: tree.root, datanetId, count: 4 });

    const other = contributionTree(contributions(4, 'b'));
    expect(
      await revertOf(
        f.admin.registry.write.anchorContributionBatch([args[0], datanetId, other.root as Hex, 4]),
      ),
    ).toBe('BatchConflict');
    expect(
      await revertOf(f.admin.registry.write.anchorContributionBatch([args[0], datanetId, args[2], 5])),
    ).toBe('BatchConflict');
  });

  it('require a registered datanet and a non-empty root', async () => {
    const tree = contributionTree(contributions(2));
    const batchId = toBytes32Ref('batch', 3);
    expect(
      await revertOf(
        f.admin.registry.write.anchorContributionBatch([batchId, hash('nope'), tree.root as Hex, 2]),
      ),
    ).toBe('UnknownDatanet');
    expect(
      await revertOf(
        f.admin.registry.write.anchorContributionBatch([batchId, datanetId, tree.root as Hex, 0]),
      ),
    ).toBe('ZeroValue');
  });

  it('verify on chain whatever the off-chain tree proves (property)', async () => {
    const bytes32 = fc
      .uint8Array({ minLength: 32, maxLength: 32 })
      .map((b) => `0x${Buffer.from(b).toString('hex')}` as Hex);
    const leaf = fc.record({ contributionId: bytes32, contributorRef: bytes32, contentHash: bytes32 });
    let batch = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(leaf, { minLength: 1, maxLength: 40, selector: (l) => l.contributionId }),
        async (raw) => {
          const tree = contributionTree(raw.map((l) => ({ ...l, datanetId })));
          const batchId = toBytes32Ref('property-batch', batch++);
          await mined(
            chain,
            f.admin.registry.write.anchorContributionBatch([
              batchId,
              datanetId,
              tree.root as Hex,
              raw.length,
            ]),
          );
          for (const [i, value] of tree.entries()) {
            const ok = await f.admin.registry.read.verifyContribution([
              batchId,
              ...value,
              tree.getProof(i) as Hex[],
            ]);
            if (!ok) return false;
          }
          return true;
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('contribution windows (one root across datanets)', () => {
  it('verify leaves of every registered datanet in the window, idempotently, and nothing else', async () => {
    const second = toBytes32Ref('datanet', 'harbour-verse');
    const unregistered = toBytes32Ref('datanet', 'never-registered');
    await mined(chain, f.admin.registry.write.registerDatanet([second, hash('meta second')]));
    const leaves = [
      ...contributions(5, 'busy'),
      { ...contributions(1, 'quiet')[0], datanetId: second },
      { ...contributions(1, 'ghost')[0], datanetId: unregistered },
    ];
    const tree = contributionTree(leaves);
    const batchId = toBytes32Ref('window', 1);
    const args = [batchId, tree.root as Hex, leaves.length] as const;
    const receipt = await mined(chain, f.admin.registry.write.anchorContributionWindow(args));
    const [event] = parseEventLogs({
      abi: registryAbi,
      logs: receipt.logs,
      eventName: 'ContributionBatchAnchored',
    });
    expect(event.args).toEqual({ batchId, datanetId: `0x${'0'.repeat(64)}`, root: tree.root, count: 7 });
    expect(await f.admin.registry.read.contributionBatch([batchId])).toMatchObject({
      root: tree.root,
      count: 7,
    });

    const verified: Record<string, boolean> = {};
    for (const [i, value] of tree.entries()) {
      const ok = await f.admin.registry.read.verifyContribution([
        batchId,
        ...value,
        tree.getProof(i) as Hex[],
      ]);
      verified[value[3]] = (verified[value[3]] ?? true) && ok;
    }
    expect(verified).toEqual({ [datanetId]: true, [second]: true, [unregistered]: false });
    // A leaf's datanet is part of what the proof proves: naming another registered datanet fails.
    const [id, ref, content] = tree.at(0)!;
    const proof = tree.getProof(0) as Hex[];
    expect(await f.admin.registry.read.verifyContribution([batchId, id, ref, content, second, proof])).toBe(
      false,
    );

    const replay = await mined(chain, f.admin.registry.write.anchorContributionWindow(args));
    expect(replay.logs).toHaveLength(0);
    expect(
      await revertOf(f.admin.registry.write.anchorContributionWindow([batchId, tree.root as Hex, 8])),
    ).toBe('BatchConflict');
    expect(
      await revertOf(
        f.admin.registry.write.anchorContributionBatch([batchId, datanetId, tree.root as Hex, 7]),
      ),
    ).toBe('BatchConflict');
    expect(
      await revertOf(f.admin.registry.write.anchorContributionWindow([hash('w2'), tree.root as Hex, 0])),
    ).toBe('ZeroValue');
    expect(
      await revertOf(
        f.as(f.others[0]).registry.write.anchorContributionWindow([hash('w3'), tree.root as Hex, 7]),
      ),
    ).toBe('AccessControlUnauthorizedAccount');
  });
});

describe('validation batches and receipt epochs', () => {
  it('anchor and verify validation outcomes', async () => {
    const leaves = [true, false, true].map((approved, i) => ({
      contributionId: toBytes32Ref('contribution', i),
      datanetId,
      approved,
      votesCommitment: hash(`votes ${i}`),
    }));
    const tree = validationTree(leaves);
    const batchId = toBytes32Ref('validation-batch', 1);
    await mined(
      chain,
      f.admin.registry.write.anchorValidationBatch([batchId, datanetId, tree.root as Hex, 3]),
    );
    const [id, dn, approved, votes] = tree.at(0)!;
    const proof = tree.getProof(0) as Hex[];
    expect(await f.admin.registry.read.verifyValidation([batchId, id, dn, approved, votes, proof])).toBe(
      true,
    );
    expect(await f.admin.registry.read.verifyValidation([batchId, id, dn, !approved, votes, proof])).toBe(
      false,
    );
    // The votes commitment is part of the leaf: other votes cannot claim this outcome.
    expect(
      await f.admin.registry.read.verifyValidation([batchId, id, dn, approved, hash('votes 1'), proof]),
    ).toBe(false);
    // Namespaces are separate: a validation batch id is not a contribution batch.
    expect((await f.admin.registry.read.contributionBatch([batchId])).root).toBe(`0x${'0'.repeat(64)}`);
  });

  it('anchor and verify receipts per epoch, idempotently', async () => {
    const leaves = [1n, 2n, 3n].map((fee, i) => ({
      receiptId: toBytes32Ref('receipt', i),
      modelId: toBytes32Ref('model', 'm1'),
      fee: fee * 10n ** 18n,
      receiptHash: hash(`receipt ${i}`),
    }));
    const tree = receiptTree(leaves);
    await mined(chain, f.admin.registry.write.anchorReceiptEpoch([7n, tree.root as Hex, 3]));
    const replay = await mined(chain, f.admin.registry.write.anchorReceiptEpoch([7n, tree.root as Hex, 3]));
    expect(replay.logs).toHaveLength(0);
    expect(await revertOf(f.admin.registry.write.anchorReceiptEpoch([7n, hash('other'), 3]))).toBe(
      'ReceiptEpochConflict',
    );
    const [rid, mid, fee, rhash] = tree.at(1)!;
    const proof = tree.getProof(1) as Hex[];
    expect(await f.admin.registry.read.verifyReceipt([7n, rid, mid, fee, rhash, proof])).toBe(true);
    expect(await f.admin.registry.read.verifyReceipt([7n, rid, mid, fee + 1n, rhash, proof])).toBe(false);
    expect(await f.admin.registry.read.verifyReceipt([8n, rid, mid, fee, rhash, proof])).toBe(false);
  });
});

describe('models', () => {
  const modelId = toBytes32Ref('model', 'poet-v1');
  const base = () =>
    [
      modelId,
      hash('snapshot'),
      hash('artifact'),
      f.others[2].address,
      10n ** 16n,
      [4000, 4000, 1500, 500],
    ] as const;

  it('register with a split summing to 10,000 and emit the event', async () => {
    const receipt = await mined(chain, f.admin.registry.write.registerModel(base()));
    const [event] = parseEventLogs({ abi: registryAbi, logs: receipt.logs, eventName: 'ModelRegistered' });
    expect(event.args.splitBps).toEqual([4000, 4000, 1500, 500]);
    expect(await f.admin.registry.read.model([modelId])).toMatchObject({
      snapshotRoot: hash('snapshot'),
      developer: f.others[2].address,
      pricePerCall: 10n ** 16n,
      developerBps: 4000,
      protocolBps: 500,
    });
    expect((await mined(chain, f.admin.registry.write.registerModel(base()))).logs).toHaveLength(0);
  });

  it('revert on a bad split and on a changed re-registration', async () => {
    const [id, snap, art, dev, price] = base();
    expect(
      await revertOf(
        f.admin.registry.write.registerModel([id, snap, art, dev, price, [4000, 4000, 1500, 499]]),
      ),
    ).toBe('InvalidSplit');
    expect(
      await revertOf(
        f.admin.registry.write.registerModel([id, snap, art, dev, price, [65535, 65535, 65535, 65535]]),
      ),
    ).toBe('InvalidSplit');
    await mined(chain, f.admin.registry.write.registerModel(base()));
    expect(
      await revertOf(
        f.admin.registry.write.registerModel([id, snap, art, dev, price + 1n, [4000, 4000, 1500, 500]]),
      ),
    ).toBe('ModelConflict');
  });

  it('accept a developer without a linked wallet', async () => {
    const [, snap, art, , price, split] = base();
    await mined(
      chain,
      f.admin.registry.write.registerModel([
        toBytes32Ref('model', 'anon'),
        snap,
        art,
        zeroAddress,
        price,
        split,
      ]),
    );
  });
});
