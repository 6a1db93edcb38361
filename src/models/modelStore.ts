import type postgres from 'postgres';
import type { Db } from '../db/openDatabase.ts';

export interface RevenueSplit {
  developerBps: number;
  dataBps: number;
  validatorsBps: number;
  protocolBps: number;
}

export interface Model {
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
  /** Settled paid calls and the fees they paid. */
  usage: { calls: number; fees: bigint };
  /** What those fees paid out, by part of the split. */
  earnings: { developer: bigint; data: bigint; validators: bigint; protocol: bigint };
  createdAt: Date;
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
  calls: string;
  fees: string;
  developer: string;
  data: string;
  validators: string;
  protocol: string;
}

/** Models matching `where` (a fragment over alias m) with usage and earnings, oldest first. */
export async function selectModels(
  db: Db,
  where: postgres.Fragment,
  limit = 1,
  offset = 0,
): Promise<Model[]> {
  const rows = await db<Row[]>`
    select m.*, u.calls, u.fees, u.developer, u.data, u.validators, u.protocol
    from models m
    left join lateral (
      select count(*) as calls, coalesce(sum(fee), 0) as fees,
        coalesce(sum(developer_amount), 0) as developer, coalesce(sum(data_amount), 0) as data,
        coalesce(sum(validators_amount), 0) as validators, coalesce(sum(protocol_amount), 0) as protocol
      from inference_calls where model_id = m.id and status = 'settled') u on true
    where ${where} order by m.id limit ${limit} offset ${offset}`;
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
    usage: { calls: Number(r.calls), fees: BigInt(r.fees) },
    earnings: {
      developer: BigInt(r.developer),
      data: BigInt(r.data),
      validators: BigInt(r.validators),
      protocol: BigInt(r.protocol),
    },
    createdAt: r.created_at,
  }));
}
