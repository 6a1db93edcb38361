import { z } from 'zod';
import { linkedWalletOf } from '../accounts/accountStore.ts';
import { requirePermission, roleRulesSchema } from '../accounts/requirePermission.ts';
import { toBytes32Ref } from '../anchoring/toBytes32Ref.ts';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import { AppError, forbidden, invalidState, notFound } from '../errors.ts';
import { amountSchema } from '../shared/amount.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { displayNameSchema } from '../shared/textSchemas.ts';
import { withIdempotency } from '../shared/withIdempotency.ts';
import { lockRunForPublish } from '../training/trainingRunStore.ts';
import { type PublishedModel, selectModels } from './modelStore.ts';
import { revenueSplitSchema } from './revenueSplit.ts';

const params = z.object({
  /** The role mapping where this is asked (a Discord server's /settings); see requirePermission. */
  roleRules: roleRulesSchema,
  accountId: idSchema,
  runId: idSchema,
  name: displayNameSchema,
  description: z.string().trim().max(1000).default(''),
  pricePerCall: amountSchema,
  split: revenueSplitSchema,
  idempotencyKey: z.string().min(1).max(200),
});
export type PublishModelParams = z.input<typeof params>;

export const modelRef = (modelId: string) => toBytes32Ref('model', modelId);

/**
 * Publishes a succeeded run as a paid model, by the developer who started the run. The terms are
 * immutable (new terms are a new model), and the on-chain registration is queued in the same
 * transaction, so a model exists in the database exactly when it is on its way to the chain.
 */
export async function publishModel(
  deps: Deps,
  input: PublishModelParams,
): Promise<{ model: PublishedModel; replayed: boolean }> {
  const p = parseInput(params, input);
  await requirePermission(deps.sql, deps.config, p.accountId, 'model.publish', p.roleRules);
  const { result, replayed } = await deps.sql.begin((tx) =>
    withIdempotency(
      tx,
      { accountId: p.accountId, key: p.idempotencyKey, operation: 'model.publish', request: p },
      async () => {
        const run = await lockRunForPublish(tx, p.runId);
        if (!run) throw notFound('Training run', p.runId);
        if (run.developerAccountId !== p.accountId) {
          throw forbidden('Only the developer who started this training run can publish it.');
        }
        if (run.status !== 'succeeded' || !run.artifactHash) {
          throw invalidState(`Only a succeeded training run can be published; this one is ${run.status}.`);
        }
        // A LoRA run publishes as a LoRA model: base model by name, adapter pinned by its GGUF's hash.
        const lora = run.manifestKind === 'lora';
        if (lora && !(run.loraBase && run.adapterHash)) {
          throw invalidState('This LoRA training run has no adapter to publish.');
        }
        const kind = lora ? 'lora' : 'infini-gram';
        const baseModel = lora ? run.loraBase : run.baseModel;
        const adapterHash = lora ? run.adapterHash : null;
        const [taken] = await tx`select id from models where lower(name) = lower(${p.name})`;
        if (taken) throw duplicateName(p.name);
        const s = p.split;
        const [model] = await tx<{ id: string }[]>`
          insert into models (run_id, datanet_id, developer_account_id, name, description, price_per_call,
            developer_bps, data_bps, validators_bps, protocol_bps, artifact_hash, snapshot_root, base_model,
            kind, adapter_hash)
          values (${p.runId}, ${run.datanetId}, ${p.accountId}, ${p.name}, ${p.description},
            ${p.pricePerCall.toString()}, ${s.developerBps}, ${s.dataBps}, ${s.validatorsBps}, ${s.protocolBps},
            ${run.artifactHash}, ${run.snapshotRoot}, ${baseModel}, ${kind}, ${adapterHash})
          on conflict do nothing
          returning id`;
        if (!model) throw duplicateName(p.name);
        const developer = await linkedWalletOf(tx, p.accountId);
        await enqueueChainWrite(tx, {
          kind: 'register_model',
          dedupeKey: `register_model:${model.id}`,
          payload: {
            modelRef: modelRef(model.id),
            snapshotRoot: run.snapshotRoot,
            artifactHash: `0x${run.artifactHash}`,
            developer,
            pricePerCall: p.pricePerCall.toString(),
            splitBps: [s.developerBps, s.dataBps, s.validatorsBps, s.protocolBps],
          },
        });
        return { modelId: model.id };
      },
    ),
  );
  const [model] = await selectModels(deps.sql, deps.sql`m.id = ${result.modelId}`);
  if (!replayed) deps.log.info('model published', { modelId: model.id, runId: p.runId });
  return { model, replayed };
}

const duplicateName = (name: string) =>
  new AppError(
    'DUPLICATE',
    `A model named "${name}" already exists; choose another name (e.g. add a version).`,
    {
      name,
    },
  );
