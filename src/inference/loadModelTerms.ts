import type { Sql } from '../db/openDatabase.ts';
import { notFound } from '../errors.ts';
import type { RevenueSplit } from '../models/modelView.ts';

export interface ModelTerms {
  modelId: string;
  datanetId: string;
  developerAccountId: string;
  pricePerCall: bigint;
  split: RevenueSplit;
  artifactHash: string;
  snapshotRoot: string;
  kind: 'infini-gram' | 'lora';
  /** LoRA models: the base model's catalog name and the adapter's LoRA GGUF sha256. */
  baseModel: string | null;
  adapterHash: string | null;
}

// Published models are immutable (a trigger forbids updates), so their terms are cached per database.
const cache = new WeakMap<Sql, Map<string, ModelTerms>>();

export async function loadModelTerms(sql: Sql, modelId: string): Promise<ModelTerms> {
  let byId = cache.get(sql);
  if (!byId) {
    byId = new Map();
    cache.set(sql, byId);
  }
  const cached = byId.get(modelId);
  if (cached) return cached;
  const [m] = await sql<
    {
      datanet_id: string;
      developer_account_id: string;
      price_per_call: string;
      developer_bps: number;
      data_bps: number;
      validators_bps: number;
      protocol_bps: number;
      artifact_hash: string;
      snapshot_root: string;
      kind: 'infini-gram' | 'lora';
      base_model: string | null;
      adapter_hash: string | null;
    }[]
  >`
    select datanet_id, developer_account_id, price_per_call, developer_bps, data_bps, validators_bps,
      protocol_bps, artifact_hash, snapshot_root, kind, base_model, adapter_hash
    from models where id = ${modelId}`;
  if (!m) throw notFound('Model', modelId);
  const terms: ModelTerms = {
    modelId,
    datanetId: m.datanet_id,
    developerAccountId: m.developer_account_id,
    pricePerCall: BigInt(m.price_per_call),
    split: {
      developerBps: m.developer_bps,
      dataBps: m.data_bps,
      validatorsBps: m.validators_bps,
      protocolBps: m.protocol_bps,
    },
    artifactHash: m.artifact_hash,
    snapshotRoot: m.snapshot_root,
    kind: m.kind,
    baseModel: m.base_model,
    adapterHash: m.adapter_hash,
  };
  if (byId.size > 10_000) byId.clear();
  byId.set(modelId, terms);
  return terms;
}
