import type { App } from '../../src/app.ts';
import type { RevenueSplit } from '../../src/models/modelStore.ts';

/**
 * Trains the default model on a datanet's approved contributions through the real queue and
 * publishes it; the model's id. A run that does not succeed throws here, not as a puzzling refusal
 * from publish.
 */
export async function trainAndPublish(
  app: App,
  input: {
    developer: string;
    datanetId: string;
    name: string;
    pricePerCall: bigint;
    split: RevenueSplit;
    /** Prefix of the train and publish idempotency keys. */
    key: string;
  },
): Promise<string> {
  const { run } = await app.training.start({
    accountId: input.developer,
    datanetId: input.datanetId,
    idempotencyKey: `train-${input.key}`,
  });
  let status = run.status;
  for await (const r of app.training.watch({ runId: run.id, intervalMs: 20 })) status = r.status;
  if (status !== 'succeeded') throw new Error(`training run ${run.id} ended ${status}`);
  const { model } = await app.models.publish({
    accountId: input.developer,
    runId: run.id,
    name: input.name,
    pricePerCall: input.pricePerCall.toString(),
    split: input.split,
    idempotencyKey: `publish-${input.key}`,
  });
  return model.id;
}
