/**
 * Chain benchmark on the embedded EDR chain: gas per anchored contribution by batch size, gas per
 * claim, anchoring throughput, and end-to-end outbox throughput (queued contributions → Merkle
 * batches → anchored and recorded, through the service's worker and database). Prints JSON lines
 * {"bench":"chain","metric","value","unit"}.
 *
 *   npx tsx bench/chain.ts
 */
import { type Address, type Hex, keccak256, parseEther, stringToHex } from 'viem';
import { type ContributionLeaf, contributionTree, rewardTree } from '../src/anchoring/merkleTrees.ts';
import { accountRef, toBytes32Ref } from '../src/anchoring/toBytes32Ref.ts';
import { registryAbi, tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { deployContracts } from '../src/chain/deployContracts.ts';
import { startEmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { fundedPerson } from '../test/support/fixtures.ts';
import { backends, benchApp } from './_support.ts';

const emit = (metric: string, value: number, unit: string) =>
  process.stdout.write(
    `${JSON.stringify({ bench: 'chain', metric, value: Number(value.toFixed(2)), unit })}\n`,
  );

const t0 = performance.now();
const chain = await startEmbeddedChain({ accounts: 4 });
emit('embedded_chain_start', performance.now() - t0, 'ms');
const t1 = performance.now();
const d = await deployContracts(chain.walletClient, chain.publicClient);
emit('deploy_contracts', performance.now() - t1, 'ms');

const { walletClient: wallet, publicClient: client } = chain;
const send = async (hash: Promise<Hex>) => {
  const receipt = await client.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return receipt;
};

try {
  const datanetId = toBytes32Ref('datanet', 'bench');
  await send(
    wallet.writeContract({
      address: d.registry,
      abi: registryAbi,
      functionName: 'registerDatanet',
      args: [datanetId, keccak256(stringToHex('bench datanet'))],
    }),
  );

  let batchNo = 0;
  const leaves = (n: number): ContributionLeaf[] =>
    Array.from({ length: n }, (_, i) => ({
      contributionId: toBytes32Ref('contribution', `${batchNo}-${i}`),
      contributorRef: accountRef(i % 97),
      contentHash: keccak256(stringToHex(`content ${batchNo} ${i}`)),
      datanetId,
    }));
  const anchor = async (batch: ContributionLeaf[]) => {
    const tree = contributionTree(batch);
    return send(
      wallet.writeContract({
        address: d.registry,
        abi: registryAbi,
        functionName: 'anchorContributionBatch',
        args: [toBytes32Ref('batch', batchNo++), datanetId, tree.root as Hex, batch.length],
      }),
    );
  };

  for (const size of [1, 64, 256, 1024]) {
    const receipt = await anchor(leaves(size));
    emit(`anchor_gas_per_contribution_batch_${size}`, Number(receipt.gasUsed) / size, 'gas');
  }

  // One window across datanets (what the outbox now sends): a quiet datanet's single contribution
  // shares the anchor with 255 from 63 busier datanets, so its gas is the window's over 256.
  const windowDatanets = Array.from({ length: 64 }, (_, i) => toBytes32Ref('datanet', `window-${i}`));
  for (const id of windowDatanets) {
    await send(
      wallet.writeContract({
        address: d.registry,
        abi: registryAbi,
        functionName: 'registerDatanet',
        args: [id, keccak256(stringToHex(`window datanet ${id}`))],
      }),
    );
  }
  for (const [size, label] of [
    [1, 'alone'],
    [64, '64'],
    [256, '256'],
  ] as const) {
    const windowLeaves = leaves(size).map((leaf, i) => ({
      ...leaf,
      datanetId: windowDatanets[i === 0 ? 0 : 1 + (i % (windowDatanets.length - 1))],
    }));
    const tree = contributionTree(windowLeaves);
    const receipt = await send(
      wallet.writeContract({
        address: d.registry,
        abi: registryAbi,
        functionName: 'anchorContributionWindow',
        args: [toBytes32Ref('batch', batchNo++), tree.root as Hex, windowLeaves.length],
      }),
    );
    emit(`anchor_gas_per_contribution_quiet_datanet_window_${label}`, Number(receipt.gasUsed) / size, 'gas');
  }

  // Throughput: tree construction, submission and receipt, for batches the outbox would send.
  for (const size of [256, 1024]) {
    const batches = Array.from({ length: 40 }, () => leaves(size));
    const start = performance.now();
    for (const batch of batches) await anchor(batch);
    const seconds = (performance.now() - start) / 1000;
    emit(
      `anchored_contributions_per_second_batch_${size}`,
      (batches.length * size) / seconds,
      'contributions/s',
    );
    emit(`anchor_batch_latency_batch_${size}`, (seconds * 1000) / batches.length, 'ms');
  }

  // Claims against a 1,024-account epoch (proof depth 10).
  const holders = chain.accounts.slice(1, 3).map((a) => a.address);
  const filler = Array.from(
    { length: 1022 },
    (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}` as Address,
  );
  const epochTree = (epoch: bigint) =>
    rewardTree(
      [...holders, ...filler].map((account, i) => ({
        account,
        cumulativeAmount: parseEther('1') * epoch + BigInt(i),
      })),
    );
  await send(
    wallet.writeContract({
      address: d.token,
      abi: tokenAbi,
      functionName: 'mint',
      args: [d.vault, parseEther('1000000')],
    }),
  );
  // One holder already has tokens, so its first claim does not pay for a new token balance slot.
  await send(
    wallet.writeContract({ address: d.token, abi: tokenAbi, functionName: 'mint', args: [holders[1], 1n] }),
  );
  const claimGas = async (epoch: bigint, tree: ReturnType<typeof epochTree>, account: Address) => {
    for (const [i, [a, amount]] of tree.entries()) {
      if (a !== account) continue;
      const receipt = await send(
        wallet.writeContract({
          address: d.vault,
          abi: vaultAbi,
          functionName: 'claim',
          args: [epoch, a, amount, tree.getProof(i) as Hex[]],
        }),
      );
      return Number(receipt.gasUsed);
    }
    throw new Error(`no leaf for ${account}`);
  };
  const e1 = epochTree(1n);
  const post = await send(
    wallet.writeContract({
      address: d.vault,
      abi: vaultAbi,
      functionName: 'postEpochRoot',
      args: [1n, e1.root as Hex],
    }),
  );
  emit('post_epoch_root_gas', Number(post.gasUsed), 'gas');
  emit('claim_gas_first_claim_empty_wallet', await claimGas(1n, e1, holders[0]), 'gas');
  emit('claim_gas_first_claim_wallet_holding_tokens', await claimGas(1n, e1, holders[1]), 'gas');
  const e2 = epochTree(2n);
  await send(
    wallet.writeContract({
      address: d.vault,
      abi: vaultAbi,
      functionName: 'postEpochRoot',
      args: [2n, e2.root as Hex],
    }),
  );
  emit('claim_gas_repeat_claim', await claimGas(2n, e2, holders[0]), 'gas');
} finally {
  await chain.close();
}

// Outbox throughput: contributions already accepted and queued, then worker passes until every one is
// batched, anchored and recorded. Ingest (checks, dedupe) is not timed; batching, tree building, the
// batch rows, signing, sending and receipts are.
const OUTBOX_ITEMS = 5 * 1024;
const words =
  'amber river lantern harbour salt morning willow stone quiet ember field silver cedar tide hollow meadow north sparrow copper violet drift thunder orchard'.split(
    ' ',
  );
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const line = (i: number) =>
  `${Array.from({ length: 14 }, () => words[Math.floor(rand() * words.length)]).join(' ')} ${i}.`;
for (const backend of backends()) {
  const t = await benchApp(backend, {
    OUTBOX_BATCH_SIZE: '256',
    OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
    MAX_BATCH_ITEMS: '1024',
    DEFAULT_DAILY_ITEMS: String(OUTBOX_ITEMS),
    NEAR_DUPLICATE_THRESHOLD: '1',
  });
  try {
    const owner = await fundedPerson(t.app, 'bench');
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Outbox Bench', deposit: '0' });
    for (let start = 0; start < OUTBOX_ITEMS; start += 1024) {
      await t.app.contributions.submit({
        accountId: owner,
        datanetId: d.id,
        idempotencyKey: `bench-${start}`,
        items: Array.from({ length: 1024 }, (_, i) => ({ text: line(start + i) })),
      });
    }
    const [queued] = await t.app.deps.sql<
      { n: string }[]
    >`select count(*) as n from contribution_anchor_queue`;
    const began = performance.now();
    let passes = 0;
    for (;;) {
      passes += 1;
      await t.app.chain.runOutboxOnce();
      const [left] = await t.app.deps.sql<{ n: string }[]>`
        select (select count(*) from contribution_anchor_queue)
          + (select count(*) from chain_outbox where status <> 'confirmed') as n`;
      if (Number(left.n) === 0 || passes > 100) break;
    }
    const seconds = (performance.now() - began) / 1000;
    emit(
      `outbox_anchored_contributions_per_second_${backend}`,
      Number(queued.n) / seconds,
      'contributions/s',
    );
    emit(`outbox_drain_ms_${backend}_${queued.n}_contributions`, seconds * 1000, 'ms');
    const [gas] = await t.app.deps.sql<{ gas: string; n: string }[]>`
      select sum(o.gas_used) as gas, sum(b.leaf_count) as n
      from contribution_batches b join chain_outbox o on o.id = b.outbox_id`;
    emit(`outbox_gas_per_contribution_batch_256_${backend}`, Number(gas.gas) / Number(gas.n), 'gas');
  } finally {
    await t.cleanup();
  }
}
