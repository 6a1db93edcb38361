import type { App } from '../../src/app.ts';
import { fixtureContributions } from './attribution/attributionFixture.ts';
import { fundedPerson, TOKEN } from './fixtures.ts';
import { seedApprovedDatanet } from './seedApprovedDatanet.ts';

export interface PaidModel {
  modelId: string;
  datanetId: string;
  fee: bigint;
}

/** A published model trained on approved contributions through the real queue: ready for paid calls. */
export async function publishPaidModel(app: App, fee = 3n * TOKEN): Promise<PaidModel> {
  const texts = fixtureContributions.map((c) => c.text);
  const seeded = await seedApprovedDatanet(app, {
    name: `Paid ${Date.now() % 100_000}`,
    texts,
    authors: texts.map((_, i) => i % 2),
    authorCount: 2,
  });
  const developer = await fundedPerson(app, 'developer');
  const started = await app.training.start({
    accountId: developer,
    datanetId: seeded.datanetId,
    idempotencyKey: 'paid-model-train',
  });
  for await (const _ of app.training.watch({ runId: started.run.id, intervalMs: 10 })) {
  }
  const published = await app.models.publish({
    runId: started.run.id,
    accountId: developer,
    name: 'Paid Model',
    pricePerCall: fee.toString(),
    split: { developerBps: 2000, dataBps: 5000, validatorsBps: 2000, protocolBps: 1000 },
    idempotencyKey: 'paid-model-publish',
  });
  return { modelId: published.model.id, datanetId: seeded.datanetId, fee };
}
