import type { Model } from '../src/models/modelStore.ts';
import { short } from './contributePoems.ts';
import type { Cast, DemoContext } from './demoContext.ts';
import { tokens } from './demoPrinter.ts';
import { drainOutbox } from './drainOutbox.ts';

const ONE = 10n ** 18n;
export const PRICE = 2n * ONE;
export const SPLIT = { developerBps: 3000, dataBps: 5000, validatorsBps: 1000, protocolBps: 1000 };

/** Omid trains on the approved poems through the job queue, following its progress, and publishes. */
export async function trainAndPublish(ctx: DemoContext, cast: Cast, datanetId: string): Promise<Model> {
  const { app, out } = ctx;
  const developer = cast.developer.accountId;
  out.step('Omid trains a model on the approved poems (through the job queue)');
  const { run } = await app.training.start({ accountId: developer, datanetId, idempotencyKey: 'train' });
  out.say(
    `run #${run.id}: snapshot of ${run.contributionCount} approved poems, Merkle root ${short(run.snapshotRoot)}`,
  );
  let last = run;
  for await (const r of app.training.watch({ runId: run.id, intervalMs: 5 })) {
    const filled = Math.round(r.progress * 20);
    out.say(
      `[${'█'.repeat(filled)}${'░'.repeat(20 - filled)}] ${String(Math.round(r.progress * 100)).padStart(3)}%  ${r.status}${r.progressMessage ? `: ${r.progressMessage}` : ''}`,
    );
    last = r;
  }
  if (last.status !== 'succeeded' || !last.artifactHash) {
    throw new Error(`training run #${run.id} ${last.status}: ${last.error ?? 'no artifact'}`);
  }
  out.say(
    `artifact ${short(last.artifactHash)}: a suffix-array index of the poems, for ∞-gram generation and attribution`,
  );

  out.step('Omid publishes it with a price per call and a revenue split');
  const { model } = await app.models.publish({
    accountId: developer,
    runId: run.id,
    name: 'Persian Poetry v1',
    description: 'Continues a line of Persian or English verse in the voice of the datanet.',
    pricePerCall: PRICE,
    split: SPLIT,
    idempotencyKey: 'publish',
  });
  const pct = (bps: number) => `${bps / 100}%`;
  out.say(
    `model #${model.id} "${model.name}": ${tokens(model.pricePerCall)} tokens per call, split ` +
      `developer ${pct(SPLIT.developerBps)} · data ${pct(SPLIT.dataBps)} · validators ${pct(SPLIT.validatorsBps)} · protocol ${pct(SPLIT.protocolBps)}`,
  );
  await drainOutbox(app);
  const proof = await app.chain.getModelSnapshotProof({ modelId: model.id });
  out.say(
    `registered on chain with its snapshot root (tx ${short(proof.registration?.txHash ?? '')}); ` +
      `root on chain matches: ${proof.onChainSnapshotRoot === model.snapshotRoot}`,
  );
  return model;
}
