import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';

/**
 * The table, for another area's statement that joins it (one statement keeps one snapshot and its
 * order): every such reader names it through here, so all are found from here.
 */
export const modelsTable = (db: Db) => db('models');

export interface RevenueSplit {
  developerBps: number;
  dataBps: number;
  validatorsBps: number;
  protocolBps: number;
}

/** A published model's terms, as the models area knows it. */
export interface PublishedModel {
  id: string;
  name: string;
  description: string;
  runId: string;
  datanetId: string;
  developerAccountId: string;
  pricePerCall: bigint;
  split: RevenueSplit;
  artifactHash: string;
  snapshotRoot: string;
  baseModel: string | null;
  /** 'lora': an adapter served on `baseModel`, pinned by `adapterHash` (its LoRA GGUF's sha256). */
  kind: 'infini-gram' | 'lora';
  adapterHash: string | null;
  createdAt: Date;
}

/** A model as the surfaces show it: its terms, with what its paid calls (src/inference) paid. */
export interface Model extends PublishedModel {
  /** Settled paid calls and the fees they paid. */
  usage: { calls: number; fees: bigint };
  /** What those fees paid out, by part of the split. */
  earnings: { developer: bigint; data: bigint; validators: bigint; protocol: bigint };
}

interface Row {
  id: string;
  name: string;
  description: string;
  run_id: string;
  datanet_id: string;
  developer_account_id: string;
  price_per_call: string;
  developer_bps: number;
  data_bps: number;
  validators_bps: number;
  protocol_bps: number;
  artifact_hash: string;
  snapshot_root: string;
  base_model: string | null;
  kind: 'infini-gram' | 'lora';
  adapter_hash: string | null;
  created_at: Date;
}

/** Models matching `where` (a fragment over alias m), oldest first. */
export async function selectModels(
  db: Db,
  where: postgres.Fragment,
  limit = 1,
  offset = 0,
): Promise<PublishedModel[]> {
  const rows = await db<Row[]>`
    select m.* from models m where ${where} order by m.id limit ${limit} offset ${offset}`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    runId: r.run_id,
    datanetId: r.datanet_id,
    developerAccountId: r.developer_account_id,
    pricePerCall: BigInt(r.price_per_call),
    split: {
      developerBps: r.developer_bps,
      dataBps: r.data_bps,
      validatorsBps: r.validators_bps,
      protocolBps: r.protocol_bps,
    },
    artifactHash: r.artifact_hash,
    snapshotRoot: r.snapshot_root,
    baseModel: r.base_model,
    kind: r.kind,
    adapterHash: r.adapter_hash,
    createdAt: r.created_at,
  }));
}

/** What a paid call needs to know about its model. Published models never change. */
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

export async function findModelTerms(db: Db, modelId: string): Promise<ModelTerms | null> {
  const [m] = await db<
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
  if (!m) return null;
  return {
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
}

/** A model's snapshot root and the run it was published from; null for no such model. */
export async function findModelSnapshot(
  db: Db,
  modelId: string,
): Promise<{ snapshotRoot: string; runId: string } | null> {
  const [m] = await db<{ snapshot_root: string; run_id: string }[]>`
    select snapshot_root, run_id from models where id = ${modelId}`;
  return m ? { snapshotRoot: m.snapshot_root, runId: String(m.run_id) } : null;
}

/** Names of the given models, by id (for listings that name the model a payment came from). */
export async function modelNames(db: Db, modelIds: string[]): Promise<Map<string, string>> {
  if (modelIds.length === 0) return new Map();
  const rows = await db<{ id: string; name: string }[]>`
    select id, name from models where id = any(${modelIds}::bigint[])`;
  return new Map(rows.map((r) => [String(r.id), r.name]));
}
