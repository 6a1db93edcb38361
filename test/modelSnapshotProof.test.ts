import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

let t: TestApp;
let seeded: SeededDatanet;
const texts = [
  'The orchard keeps the memory of every storm in the rings of its oldest trees.',
  'A ferry crosses the bay at dawn while gulls argue over the wake behind it.',
  'Copper kettles sing on the stove as the winter light fades across the kitchen.',
  'Children chalk a map of the moon on the pavement outside the bakery door.',
];

beforeAll(async () => {
  t = await createTestApp({ OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' });
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Snapshot Verse',
    texts,
    authors: [0, 1, 0, 1],
    authorCount: 2,
  });
});
afterAll(async () => t?.cleanup());

describe('model snapshot proofs', () => {
  it('proves a contribution is in a published model’s snapshot, against the root registered on chain', async () => {
    const developer = await fundedPerson(t.app, 'developer');
    const started = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      idempotencyKey: 'train',
    });
    let status = started.run.status;
    for await (const r of t.app.training.watch({ runId: started.run.id, intervalMs: 20 })) status = r.status;
    expect(status).toBe('succeeded');
    const { model } = await t.app.models.publish({
      accountId: developer,
      runId: started.run.id,
      name: 'Snapshot Model',
      pricePerCall: '1000',
      split: { developerBps: 2500, dataBps: 5000, validatorsBps: 1500, protocolBps: 1000 },
      idempotencyKey: 'publish',
    });
    const before = await t.app.chain.getModelSnapshotProof({ modelId: model.id });
    expect(before.onChainSnapshotRoot).toBeNull();
    expect(before.registration?.status).toBe('pending');

    await drainOutbox(t.app);
    const target = seeded.contributionIds[2];
    const proof = await t.app.chain.getModelSnapshotProof({ modelId: model.id, contributionId: target });
    expect(proof.onChainSnapshotRoot).toBe(proof.snapshotRoot);
    expect(proof.registration).toMatchObject({ status: 'confirmed', txHash: expect.stringMatching(/^0x/) });
    expect([...proof.contributionIds].sort()).toEqual([...seeded.contributionIds].sort());
    expect(proof.inclusion?.verified).toBe(true);
    // The same leaf is also anchored in its contribution batch.
    const anchored = await t.app.chain.getContributionProof({ contributionId: target });
    expect(anchored.state === 'anchored' && anchored.verified).toBe(true);
    if (anchored.state === 'anchored') expect(anchored.leaf).toEqual(proof.inclusion?.leaf);
    await expect(
      t.app.chain.getModelSnapshotProof({ modelId: model.id, contributionId: '999999' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
