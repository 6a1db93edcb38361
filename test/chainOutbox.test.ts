import type { Hex } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datanetRef } from '../src/anchoring/refs.ts';
import { registryAbi } from '../src/chain/abis.ts';
import { enqueueChainWrite } from '../src/chain/outbox/enqueueChainWrite.ts';
import { ROLES } from '../src/chain/roles.ts';
import { type EmbeddedChain, startEmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { anchorEvents, chainOf, drainOutbox, earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

const poem = (tag: string, i: number) =>
  `${tag} verse ${i}: the lantern of the evening hums softly over the harbour, number ${i * 7919}.`;

async function contribute(t: TestApp, accountId: string, datanetId: string, tag: string, n: number) {
  const res = await t.app.contributions.submit({
    accountId,
    datanetId,
    idempotencyKey: `${tag}-${n}`,
    items: Array.from({ length: n }, (_, i) => ({ text: poem(tag, i) })),
  });
  expect(res.refused).toEqual([]);
  return res.accepted.map((a) => a.contributionId);
}

describe('chain outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      OUTBOX_BATCH_SIZE: '4',
      OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
      OUTBOX_RETRY_BASE_MS: '1',
      CHAIN_POLL_MS: '20',
    });
  });
  afterAll(async () => t?.cleanup());

  it('registers the datanet in its own transaction, then anchors contributions in batches that verify on chain', async () => {
    const owner = await fundedPerson(t.app, 'owner');
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Harbour Verse', deposit: '0' });
    const [registration] = await t.app.deps.sql<{ kind: string; status: string }[]>`
      select kind, status from chain_outbox where dedupe_key = ${`register_datanet:${d.id}`}`;
    expect(registration).toEqual({ kind: 'register_datanet', status: 'pending' });

    const ids = await contribute(t, owner, d.id, 'harbour', 10);
    expect((await t.app.chain.getContributionProof({ contributionId: ids[0] })).state).toBe('queued');
    const run = await t.app.chain.runOutboxOnce();
    expect(run.contributionBatches).toEqual({ batches: 3, items: 10 });
    expect(run.rows).toMatchObject({ confirmed: 4, failed: 0, retrying: 0 });

    const rows = await t.app.deps.sql<{ kind: string; status: string; tx_hash: string; gas_used: string }[]>`
      select kind, status, tx_hash, gas_used from chain_outbox order by id`;
    expect(rows.map((r) => r.kind)).toEqual([
      'register_datanet',
      'anchor_contributions',
      'anchor_contributions',
      'anchor_contributions',
    ]);
    expect(rows.every((r) => r.status === 'confirmed' && /^0x[0-9a-f]{64}$/.test(r.tx_hash))).toBe(true);
    expect(rows.every((r) => BigInt(r.gas_used) > 0n)).toBe(true);

    for (const id of ids) {
      const proof = await t.app.chain.getContributionProof({ contributionId: id });
      if (proof.state === 'queued') throw new Error('not batched');
      expect(proof.state).toBe('anchored');
      expect(proof.verified).toBe(true);
      expect(proof.batch.confirmed).toBe(true);
      const receipt = await chainOf(t.app).publicClient.getTransactionReceipt({ hash: proof.batch.txHash! });
      expect(receipt.blockNumber).toBe(proof.batch.blockNumber);
    }
    // A proof for another leaf does not verify: the registry checks, not just our database.
    const a = await t.app.chain.getContributionProof({ contributionId: ids[0] });
    const b = await t.app.chain.getContributionProof({ contributionId: ids[5] });
    if (a.state === 'queued' || b.state === 'queued') throw new Error('not batched');
    const chain = chainOf(t.app);
    const forged = await chain.publicClient.readContract({
      address: chain.addresses.registry,
      abi: registryAbi,
      functionName: 'verifyContribution',
      args: [
        a.batch.ref,
        b.leaf.contributionId,
        b.leaf.contributorRef,
        b.leaf.contentHash,
        b.leaf.datanetId,
        a.proof,
      ],
    });
    expect(forged).toBe(false);
  });

  it('anchors final validation outcomes with proofs the registry verifies', async () => {
    const owner = await fundedPerson(t.app, 'owner2');
    const validator = await fundedPerson(t.app, 'validator');
    const d = await t.app.datanets.create({
      ownerAccountId: owner,
      name: 'Quorum One',
      deposit: '0',
      quorumVotes: 1,
      minStake: (10n * TOKEN).toString(),
    });
    await t.app.validation.stake({
      accountId: validator,
      datanetId: d.id,
      amount: (10n * TOKEN).toString(),
      idempotencyKey: 'stake',
    });
    const [approved, rejected] = await contribute(t, owner, d.id, 'quorum', 2);
    await t.app.validation.vote({ accountId: validator, contributionId: approved, approve: true });
    await t.app.validation.vote({ accountId: validator, contributionId: rejected, approve: false });
    await drainOutbox(t.app);
    for (const [id, outcome] of [
      [approved, true],
      [rejected, false],
    ] as const) {
      const proof = await t.app.chain.getValidationProof({ contributionId: id });
      if (!('leaf' in proof)) throw new Error('not batched');
      expect(proof.leaf.approved).toBe(outcome);
      const [stored] = await t.app.database.sql<{ votes_commitment: string }[]>`
        select votes_commitment from validation_outcomes where contribution_id = ${id}`;
      expect(stored.votes_commitment).toMatch(/^0x[0-9a-f]{64}$/);
      expect(proof.leaf.votesCommitment).toBe(stored.votes_commitment);
      expect(proof.verified).toBe(true);
      // The registry checks the commitment too: the same outcome with other votes does not verify.
      const chain = chainOf(t.app);
      const verify = (votesCommitment: Hex) =>
        chain.publicClient.readContract({
          address: chain.addresses.registry,
          abi: registryAbi,
          functionName: 'verifyValidation',
          args: [
            proof.batch.ref,
            proof.leaf.contributionId,
            proof.leaf.datanetId,
            outcome,
            votesCommitment,
            proof.proof,
          ],
        });
      expect(await verify(proof.leaf.votesCommitment)).toBe(true);
      expect(await verify(`0x${'ab'.repeat(32)}`)).toBe(false);
    }
  });

  it("anchors a quiet datanet's one contribution in the same window as a busy datanet's, both verifying", async () => {
    const owner = await fundedPerson(t.app, 'owner-window');
    const busy = await t.app.datanets.create({ ownerAccountId: owner, name: 'Busy Window', deposit: '0' });
    const quiet = await t.app.datanets.create({ ownerAccountId: owner, name: 'Quiet Window', deposit: '0' });
    const busyIds = await contribute(t, owner, busy.id, 'busy-window', 3);
    const [quietId] = await contribute(t, owner, quiet.id, 'quiet-window', 1);
    await drainOutbox(t.app);
    const proofs = await Promise.all(
      [...busyIds, quietId].map((id) => t.app.chain.getContributionProof({ contributionId: id })),
    );
    for (const proof of proofs) {
      if (proof.state === 'queued') throw new Error('not batched');
      expect(proof.state).toBe('anchored');
      expect(proof.verified).toBe(true);
    }
    const refs = new Set(proofs.map((p) => (p.state === 'queued' ? null : p.batch.ref)));
    expect(refs.size).toBe(1);
    const [anchor] = await t.app.deps.sql<{ payload: { datanetRefs: string[]; count: number } }[]>`
      select payload from chain_outbox where payload->>'batchRef' = ${[...refs][0]}`;
    expect(anchor.payload.count).toBe(4);
    expect(new Set(anchor.payload.datanetRefs)).toEqual(new Set([datanetRef(busy.id), datanetRef(quiet.id)]));
  });

  it('retries a row the contract refuses for now (a missing role), holding later rows back until it lands', async () => {
    const chain = chainOf(t.app);
    const admin = chain.walletClient;
    const setRole = async (fn: 'revokeRole' | 'grantRole') =>
      chain.publicClient.waitForTransactionReceipt({
        hash: await admin.writeContract({
          address: chain.addresses.registry,
          abi: registryAbi,
          functionName: fn,
          args: [ROLES.anchor, admin.account.address],
        }),
      });
    await setRole('revokeRole');
    const owner = await fundedPerson(t.app, 'owner-roles');
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Role Gap', deposit: '0' });
    await contribute(t, owner, d.id, 'gap', 2);
    const first = await t.app.chain.runOutboxOnce();
    expect(first.rows).toMatchObject({ submitted: 0, retrying: 1 });
    const [row] = await t.app.deps.sql<{ status: string; attempts: number; last_error: string }[]>`
      select status, attempts, last_error from chain_outbox where dedupe_key = ${`register_datanet:${d.id}`}`;
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.last_error).toMatch(/AccessControlUnauthorizedAccount/);
    await setRole('grantRole');
    await drainOutbox(t.app);
    const rows = await t.app.deps.sql<{ kind: string; status: string }[]>`
      select kind, status from chain_outbox
      where payload->>'datanetRef' = ${datanetRef(d.id)} or jsonb_exists(payload->'datanetRefs', ${datanetRef(d.id)})
      order by id`;
    expect(rows).toEqual([
      { kind: 'register_datanet', status: 'confirmed' },
      { kind: 'anchor_contributions', status: 'confirmed' },
    ]);
  });

  it('runs as jobs inside the service: anchors and settles an epoch without being called', async () => {
    // The chain clock `potluck start` runs, on an app of its own; one-second epochs, so one turns in the test.
    const s = await createTestApp(
      {
        OUTBOX_BATCH_SIZE: '4',
        OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
        OUTBOX_RETRY_BASE_MS: '1',
        CHAIN_POLL_MS: '20',
        EPOCH_SECONDS: '1',
      },
      { chainClock: true },
    );
    try {
      const owner = await fundedPerson(s.app, 'owner-loop');
      const d = await s.app.datanets.create({ ownerAccountId: owner, name: 'Looped', deposit: '0' });
      const [id] = await contribute(s, owner, d.id, 'loop', 1);
      await linkWallet(s.app, owner, privateKeyToAccount(generatePrivateKey()));
      await earn(s.app, owner, TOKEN);
      for (let i = 0; i < 500; i++) {
        const proof = await s.app.chain.getContributionProof({ contributionId: id });
        const claim = await s.app.rewards.getClaim({ accountId: owner });
        if (proof.state === 'anchored' && claim.amount === TOKEN) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect((await s.app.chain.getContributionProof({ contributionId: id })).state).toBe('anchored');
      expect((await s.app.rewards.getClaim({ accountId: owner })).amount).toBe(TOKEN);
    } finally {
      await s.cleanup();
    }
  });

  it('fails a malformed row for good and keeps sending the rows after it', async () => {
    await enqueueChainWrite(t.app.deps.sql, {
      kind: 'anchor_receipts',
      dedupeKey: 'broken-receipts',
      payload: { epoch: 1, root: '0x12', count: 0 },
    });
    const owner = await fundedPerson(t.app, 'owner3');
    await t.app.datanets.create({ ownerAccountId: owner, name: 'After Broken', deposit: '0' });
    await drainOutbox(t.app);
    const [broken] = await t.app.deps.sql<{ status: string; last_error: string }[]>`
      select status, last_error from chain_outbox where dedupe_key = 'broken-receipts'`;
    expect(broken.status).toBe('failed');
    expect(broken.last_error).toMatch(/malformed payload/);
  });
});

class Crash extends Error {}

describe('outbox crash recovery', () => {
  let chain: EmbeddedChain;
  let t: TestApp;
  beforeAll(async () => {
    chain = await startEmbeddedChain({ accounts: 2 });
    // One chain outlives every "process": only the worker dies, as when a service is killed mid-send.
    t = await createTestApp(
      { OUTBOX_BATCH_SIZE: '3', OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' },
      { chain, persistent: true },
    );
  });
  afterAll(async () => {
    await t?.cleanup();
    await chain?.close();
  });

  it('lands every anchor exactly once when the worker is killed between submit and record', async () => {
    const owner = await fundedPerson(t.app, 'crash-owner');
    const a = await t.app.datanets.create({ ownerAccountId: owner, name: 'Crash A', deposit: '0' });
    const b = await t.app.datanets.create({ ownerAccountId: owner, name: 'Crash B', deposit: '0' });
    const ids = [
      ...(await contribute(t, owner, a.id, 'crash-a', 10)),
      ...(await contribute(t, owner, b.id, 'crash-b', 8)),
    ];

    const phases = ['afterSign', 'afterStore', 'afterBroadcast'] as const;
    let crashes = 0;
    let stolen = false;
    for (let pass = 0; pass < 60; pass++) {
      const phase = phases[crashes % phases.length];
      // Every other pass crashes at the next phase in turn; the others run clean, so all three are hit often.
      const hooks =
        pass % 2 === 0
          ? {
              [phase]: () => {
                throw new Crash(`killed ${phase}`);
              },
            }
          : {};
      const err = await t.app.chain.runOutboxOnce({ hooks, maxRows: 1 }).then(
        () => null,
        (e: unknown) => e,
      );
      if (err) {
        expect(err).toBeInstanceOf(Crash);
        crashes += 1;
        if (phase === 'afterStore' && !stolen) {
          // While the worker is down, something else spends the nonce its stored transaction was signed
          // with (an operator using the key): that transaction can never land, so it must be re-signed.
          stolen = true;
          const signer = chainOf(t.app).walletClient;
          await chain.publicClient.waitForTransactionReceipt({
            hash: await signer.sendTransaction({ to: signer.account.address, value: 0n }),
          });
        }
        await t.restart();
      }
      const [left] = await t.app.deps.sql<{ n: string }[]>`
        select count(*) as n from chain_outbox where status <> 'confirmed'`;
      const [queued] = await t.app.deps.sql<
        { n: string }[]
      >`select count(*) as n from contribution_anchor_queue`;
      if (Number(left.n) === 0 && Number(queued.n) === 0) break;
    }
    expect(crashes).toBeGreaterThanOrEqual(6);

    const rows = await t.app.deps.sql<{ kind: string; status: string; payload: { batchRef?: Hex } }[]>`
      select kind, status, payload from chain_outbox order by id`;
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
    const anchors = rows.filter((r) => r.kind === 'anchor_contributions');
    // Windows of 3 across both datanets: 18 contributions, 6 anchors.
    expect(anchors).toHaveLength(6);
    for (const row of anchors) expect(await anchorEvents(chainOf(t.app), row.payload.batchRef!)).toBe(1);
    // Each row spent exactly one nonce of the service key: 3 deployments + the rows + the stolen nonce.
    const sent = await chain.publicClient.getTransactionCount({ address: chain.accounts[0].address });
    expect(sent).toBe(3 + rows.length + 1);
    for (const id of ids) {
      const proof = await t.app.chain.getContributionProof({ contributionId: id });
      expect(proof.state === 'anchored' && proof.verified).toBe(true);
    }
  });
});
