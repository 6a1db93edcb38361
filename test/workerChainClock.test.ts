import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { type Hex, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterEach, describe, expect, it } from 'vitest';
import { accountRef } from '../src/anchoring/toBytes32Ref.ts';
import { tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { deployContracts } from '../src/chain/deployContracts.ts';
import { serveChainRpc } from '../src/chain/serveChainRpc.ts';
import { embeddedPrivateKey, startEmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { loadTestServices } from '../src/config.ts';
import { CHAIN_QUEUE_NAME, QUEUE_NAME } from '../src/queue/bullmqQueue.ts';
import { earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';
import { testQueuePrefix } from './support/testQueuePrefix.ts';

const { redisUrl, databaseUrl } = loadTestServices();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await killSpawned();
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Worker processes share PostgreSQL and Redis with the service; the chain is one node served over RPC.
describe.skipIf(!redisUrl || !databaseUrl)(
  'the chain clock on `potluck worker` (TEST_REDIS_URL, TEST_DATABASE_URL)',
  () => {
    it('anchors, settles the epoch and credits deposits with nobody calling them; two workers share one scheduler per job', async () => {
      const chain = await startEmbeddedChain({ accounts: 3 });
      cleanups.push(() => chain.close());
      const deployed = await deployContracts(chain.walletClient, chain.publicClient);
      // The deposit's tokens are minted by the workers' own signer, so before they start sending.
      const deposit = parseEther('3');
      await mintTo(chain, deployed, chain.accounts[2].address, deposit);
      const rpc = await serveChainRpc(chain, { host: '127.0.0.1', port: 0 });
      cleanups.push(() => rpc.close());
      const queue = testQueuePrefix(redisUrl!);
      cleanups.push(queue.cleanup);
      const shared = {
        REDIS_URL: redisUrl!,
        QUEUE_PREFIX: queue.prefix,
        CHAIN_POLL_MS: '100',
        EPOCH_SECONDS: '1',
        OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
      };
      // The test's handle: it only writes (no chain clock, no job processing), as `potluck start` with JOBS_IN_START=false.
      const t = await createTestApp({ ...shared, JOBS_IN_START: 'false' }, { chain });
      cleanups.push(t.cleanup);
      const workerEnv = {
        ...shared,
        DATABASE_URL: t.databaseUrl!,
        POTLUCK_DATA_DIR: t.dataDir,
        CHAIN_RPC_URL: rpc.url,
        CHAIN_ID: String(chain.chain.id),
        CHAIN_TOKEN_ADDRESS: deployed.token,
        CHAIN_REGISTRY_ADDRESS: deployed.registry,
        CHAIN_VAULT_ADDRESS: deployed.vault,
        CHAIN_START_BLOCK: String(deployed.blockNumber),
        CHAIN_PRIVATE_KEY: embeddedPrivateKey(0),
      };
      const workers = [spawnWorker(workerEnv), spawnWorker(workerEnv)];
      await Promise.all(workers.map((w) => waitForOutput(w, /processing jobs/)));

      const owner = await fundedPerson(t.app, 'clock-owner');
      const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Clocked', deposit: '0' });
      const submitted = await t.app.contributions.submit({
        accountId: owner,
        datanetId: d.id,
        idempotencyKey: 'clock',
        items: [{ text: 'The tide clock turns the harbour lights on, one by one, at the hour of nine.' }],
      });
      const contributionId = submitted.accepted[0].contributionId;
      await linkWallet(t.app, owner, privateKeyToAccount(generatePrivateKey()));
      await earn(t.app, owner, TOKEN);
      const ref = accountRef(owner);
      await depositFor(chain, deployed, ref, deposit);

      let state = '';
      let claimed = 0n;
      let credited = '';
      for (
        let i = 0;
        i < 300 && !(state === 'anchored' && claimed === TOKEN && credited === 'credited');
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await t.app.chain.getContributionProof({ contributionId })).state;
        claimed = BigInt((await t.app.rewards.getClaim({ accountId: owner })).amount);
        const [row] = await t.app.deps.sql<{ status: string }[]>`
        select status from chain_deposits where account_ref = ${ref}`;
        credited = row?.status ?? '';
      }
      expect({ state, claimed, credited }).toEqual({
        state: 'anchored',
        claimed: TOKEN,
        credited: 'credited',
      });

      // Never two settlements in one EPOCH_SECONDS slot, though both workers run the settlement job.
      const [slots] = await t.app.deps.sql<{ epochs: number; slots: number }[]>`
      select count(*)::int as epochs, count(distinct floor(extract(epoch from settled_at)))::int as slots
      from reward_epochs`;
      expect(slots.epochs).toBeGreaterThan(0);
      expect(slots.epochs).toBe(slots.slots);

      // Each repeating job has one scheduler in Redis however many processes registered it: one job a tick.
      const schedulers = async (name: string) => {
        const q = new Queue(name, { connection: { url: redisUrl! }, prefix: queue.prefix });
        try {
          return (await q.getJobSchedulers()).map((s) => s.key).sort();
        } finally {
          await q.close();
        }
      };
      expect(await schedulers(CHAIN_QUEUE_NAME)).toEqual([
        'every-chain.outbox',
        'every-rewards.syncVaultEvents',
      ]);
      expect(await schedulers(QUEUE_NAME)).toEqual([
        'every-inference.releaseStale',
        'every-receipts.anchor',
        'every-rewards.settleEpoch',
        'every-validation.closeExpired',
      ]);
    }, 120_000);
  },
);

const mined = async (chain: Awaited<ReturnType<typeof startEmbeddedChain>>, hash: Promise<Hex>) =>
  expect((await chain.publicClient.waitForTransactionReceipt({ hash: await hash })).status).toBe('success');

/** Mints with the deployer: the workers sign with the same key, so this must happen before they start. */
async function mintTo(
  chain: Awaited<ReturnType<typeof startEmbeddedChain>>,
  deployed: { token: Hex },
  to: Hex,
  amount: bigint,
) {
  await mined(
    chain,
    chain.walletClient.writeContract({
      address: deployed.token,
      abi: tokenAbi,
      functionName: 'mint',
      args: [to, amount],
    }),
  );
}

/** A funded development account (not the workers' signer) deposits `amount` into the vault for `ref`. */
async function depositFor(
  chain: Awaited<ReturnType<typeof startEmbeddedChain>>,
  deployed: { token: Hex; vault: Hex },
  ref: Hex,
  amount: bigint,
) {
  const wallet = chain.walletFor(chain.accounts[2]);
  await mined(
    chain,
    wallet.writeContract({
      address: deployed.token,
      abi: tokenAbi,
      functionName: 'approve',
      args: [deployed.vault, amount],
    }),
  );
  await mined(
    chain,
    wallet.writeContract({
      address: deployed.vault,
      abi: vaultAbi,
      functionName: 'deposit',
      args: [amount, ref],
    }),
  );
}

function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (d) => {
      seen += String(d);
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before printing ${pattern}`)));
  });
}
