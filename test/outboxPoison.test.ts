import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datanetRef } from '../src/anchoring/refs.ts';
import { toBytes32Ref } from '../src/anchoring/toBytes32Ref.ts';
import { registryAbi, vaultAbi } from '../src/chain/abis.ts';
import { enqueueChainWrite } from '../src/chain/outbox/enqueueChainWrite.ts';
import { runDoctor } from '../src/cli/runDoctor.ts';
import { MAX_AMOUNT } from '../src/shared/amount.ts';
import { chainOf, drainOutbox, earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

const ref = (what: string) => toBytes32Ref('poison-test', what);

describe('a chain write that can never land', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Persistent, so `potluck doctor` can open the same embedded database once the app is closed.
    t = await createTestApp(
      { OUTBOX_RETRY_BASE_MS: '1', OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' },
      { persistent: true },
    );
  });
  afterAll(async () => t?.cleanup());

  it('is failed with its reason, logged and shown by doctor, and the rows behind it still land', async () => {
    // A model price past uint256, as an old release (or any writer bypassing the boundary) queued it:
    // its call cannot be encoded. Queued first, so every later row is behind it.
    await enqueueChainWrite(t.app.deps.sql, {
      kind: 'register_model',
      dedupeKey: 'poison:price',
      payload: {
        modelRef: ref('model'),
        snapshotRoot: ref('snapshot'),
        artifactHash: ref('artifact'),
        developer: null,
        pricePerCall: (MAX_AMOUNT + 1n).toString(),
        splitBps: [7000, 2000, 500, 500],
      },
    });
    // A row the contract refuses whatever we retry: an anchor for a datanet never registered.
    await enqueueChainWrite(t.app.deps.sql, {
      kind: 'anchor_contributions',
      dedupeKey: 'poison:unknown-datanet',
      payload: {
        batchId: 'x',
        batchRef: ref('batch'),
        datanetRef: ref('nowhere'),
        root: ref('root'),
        count: 1,
      },
    });

    // Later writes: a datanet registration, and an epoch root with earnings a user then claims.
    const owner = await fundedPerson(t.app, 'after-poison');
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'After Poison', deposit: '0' });
    const wallet = privateKeyToAccount(generatePrivateKey());
    await linkWallet(t.app, owner, wallet);
    await earn(t.app, owner, 3n * TOKEN);
    const epoch = await t.app.rewards.settleEpoch();
    expect(epoch.epoch).toBe(1);

    await drainOutbox(t.app);

    const rows = await t.app.deps.sql<
      { dedupe_key: string; status: string; failure_reason: string | null; failed_at: Date | null }[]
    >`select dedupe_key, status, failure_reason, failed_at from chain_outbox order by id`;
    const byKey = new Map(rows.map((r) => [r.dedupe_key, r]));
    expect(byKey.get('poison:price')).toMatchObject({ status: 'failed', failed_at: expect.any(Date) });
    expect(byKey.get('poison:price')?.failure_reason).toMatch(/cannot be encoded.*pricePerCall.*uint256/);
    expect(byKey.get('poison:unknown-datanet')).toMatchObject({ status: 'failed' });
    expect(byKey.get('poison:unknown-datanet')?.failure_reason).toMatch(/UnknownDatanet/);
    const later = rows.filter((r) => !r.dedupe_key.startsWith('poison:'));
    expect(later.map((r) => r.dedupe_key)).toEqual(
      expect.arrayContaining([`register_datanet:${d.id}`, 'post_reward_epoch:1']),
    );
    expect(later.every((r) => r.status === 'confirmed')).toBe(true);

    // On the chain itself: the registration and the epoch root landed, and the reward can be claimed.
    const chain = chainOf(t.app);
    const metadata = await chain.publicClient.readContract({
      address: chain.addresses.registry,
      abi: registryAbi,
      functionName: 'datanetMetadata',
      args: [datanetRef(d.id)],
    });
    expect(BigInt(metadata)).not.toBe(0n);
    const root = await chain.publicClient.readContract({
      address: chain.addresses.vault,
      abi: vaultAbi,
      functionName: 'epochRoot',
      args: [1n],
    });
    expect(BigInt(root)).not.toBe(0n);
    const claim = await t.app.rewards.submitClaim({ accountId: owner });
    expect(claim).toMatchObject({ epoch: 1, amount: 3n * TOKEN, wallet: wallet.address.toLowerCase() });

    // `potluck doctor` names the failed rows and why (the app is closed: the embedded database is one process's).
    await t.app.close();
    let out = '';
    const code = await runDoctor({
      env: { POTLUCK_DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) },
      write: (text) => {
        out += text;
      },
    });
    expect(code).toBe(1);
    const line = out.split('\n').find((l) => / chain outbox /.test(l)) ?? out;
    expect(line).toMatch(/NOT READY +chain outbox +2 chain write\(s\) failed for good/);
    expect(line).toMatch(/register_model: cannot be encoded/);
    expect(line).toMatch(/anchor_contributions: .*UnknownDatanet/);
  });
});
