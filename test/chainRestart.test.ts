import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContributionProof } from '../src/anchoring/getContributionProof.ts';
import { registryAbi, tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { chainOf, drainOutbox, earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  // The app starts its own embedded chain, so every restart starts an empty one.
  t = await createTestApp(
    { OUTBOX_BATCH_SIZE: '3', OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' },
    { persistent: true },
  );
});
afterAll(async () => t?.cleanup());

type Anchored = Exclude<ContributionProof, { state: 'queued' }>;
const verifyOnChain = (p: Anchored) => {
  const chain = chainOf(t.app);
  return chain.publicClient.readContract({
    address: chain.addresses.registry,
    abi: registryAbi,
    functionName: 'verifyContribution',
    args: [
      p.batch.ref,
      p.leaf.contributionId,
      p.leaf.contributorRef,
      p.leaf.contentHash,
      p.leaf.datanetId,
      p.proof,
    ],
  });
};

describe('restart on the embedded chain', () => {
  it('replays the outbox so proofs issued before a restart still verify, and claims stay paid once', async () => {
    const poet = await fundedPerson(t.app, 'poet');
    const d = await t.app.datanets.create({ ownerAccountId: poet, name: 'Restart Verse', deposit: '0' });
    const submitted = await t.app.contributions.submit({
      accountId: poet,
      datanetId: d.id,
      idempotencyKey: 'poems',
      items: Array.from({ length: 7 }, (_, i) => ({
        text: `Restart poem ${i}: morning light on the salt road ${i * 31}.`,
      })),
    });
    const ids = submitted.accepted.map((a) => a.contributionId);
    const wallet = privateKeyToAccount(generatePrivateKey());
    await linkWallet(t.app, poet, wallet);
    await earn(t.app, poet, 10n * TOKEN);
    await t.app.rewards.settleEpoch();
    await drainOutbox(t.app);
    expect((await t.app.rewards.submitClaim({ accountId: poet })).amount).toBe(10n * TOKEN);
    await earn(t.app, poet, 5n * TOKEN);
    await t.app.rewards.settleEpoch();
    await drainOutbox(t.app);

    const before = await Promise.all(
      ids.map((id) => t.app.chain.getContributionProof({ contributionId: id })),
    );
    const proofs = before.map((p) => {
      if (p.state !== 'anchored' || !p.verified) throw new Error('not anchored before the restart');
      return p;
    });
    // Left in flight at shutdown: a row sent but not recorded, and a row never sent.
    await t.app.datanets.create({ ownerAccountId: poet, name: 'In Flight', deposit: '0' });
    await t.app.chain
      .runOutboxOnce({
        hooks: {
          afterBroadcast: () => {
            throw new Error('killed');
          },
        },
      })
      .catch(() => {});
    await t.app.datanets.create({ ownerAccountId: poet, name: 'Never Sent', deposit: '0' });
    const oldKey = chainOf(t.app).key;

    for (let restart = 1; restart <= 2; restart++) {
      await t.restart();
      const chain = chainOf(t.app);
      expect(chain.key).not.toBe(oldKey);
      for (const p of proofs) expect(await verifyOnChain(p)).toBe(true);
      const fresh = await t.app.chain.getContributionProof({ contributionId: ids[0] });
      if (fresh.state !== 'anchored') throw new Error('not anchored after the restart');
      expect(fresh.verified).toBe(true);
      expect(fresh.proof).toEqual(proofs[0].proof);
      // The recorded transaction is the replayed one, on this chain.
      expect((await chain.publicClient.getTransactionReceipt({ hash: fresh.batch.txHash! })).status).toBe(
        'success',
      );
      // The vault remembers the claim paid before the restart: only the new earnings are claimable.
      expect(
        await chain.publicClient.readContract({
          address: chain.addresses.vault,
          abi: vaultAbi,
          functionName: 'claimed',
          args: [wallet.address],
        }),
      ).toBe(10n * TOKEN);
      expect(await t.app.rewards.getClaim({ accountId: poet })).toMatchObject({
        epoch: 2,
        amount: 5n * TOKEN,
      });
    }

    await drainOutbox(t.app);
    const rows = await t.app.deps.sql<{ status: string; replays: number; kind: string }[]>`
      select status, replays, kind from chain_outbox order by id`;
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.filter((r) => r.replays === 2).length).toBeGreaterThan(0);
    expect(rows.at(-1)).toMatchObject({ kind: 'register_datanet', replays: 0 });

    expect((await t.app.rewards.submitClaim({ accountId: poet })).amount).toBe(5n * TOKEN);
    const chain = chainOf(t.app);
    expect(
      await chain.publicClient.readContract({
        address: chain.addresses.token,
        abi: tokenAbi,
        functionName: 'balanceOf',
        args: [wallet.address],
      }),
    ).toBe(15n * TOKEN);
    const [settlement] = await t.app.deps.sql<{ balance: string }[]>`
      select balance from ledger_accounts where system_name = 'settlement'`;
    expect(BigInt(settlement.balance)).toBe(15n * TOKEN);
    const leftover = await chain.publicClient.readContract({
      address: chain.addresses.token,
      abi: tokenAbi,
      functionName: 'balanceOf',
      args: [chain.addresses.vault],
    });
    expect(leftover).toBe(0n as bigint);
    expect(proofs[0].batch.ref as Hex).toMatch(/^0x/);
  });
});
