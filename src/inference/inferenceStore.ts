import type { Db } from '../db/openDatabase.ts';
import type { Model, PublishedModel } from '../models/modelStore.ts';

/** What a model's settled paid calls paid, in total and by part of the split. */
export interface ModelUsage {
  calls: number;
  fees: bigint;
  developer: bigint;
  data: bigint;
  validators: bigint;
  protocol: bigint;
}

/** Settled calls' usage for each of `modelIds`; a model with none is absent from the map. */
export async function settledUsageByModel(db: Db, modelIds: string[]): Promise<Map<string, ModelUsage>> {
  const usage = new Map<string, ModelUsage>();
  if (modelIds.length === 0) return usage;
  const rows = await db<
    {
      model_id: string;
      calls: string;
      fees: string;
      developer: string;
      data: string;
      validators: string;
      protocol: string;
    }[]
  >`
    select model_id, count(*) as calls, coalesce(sum(fee), 0) as fees,
      coalesce(sum(developer_amount), 0) as developer, coalesce(sum(data_amount), 0) as data,
      coalesce(sum(validators_amount), 0) as validators, coalesce(sum(protocol_amount), 0) as protocol
    from inference_calls where model_id = any(${modelIds}::bigint[]) and status = 'settled'
    group by model_id`;
  for (const r of rows) {
    usage.set(String(r.model_id), {
      calls: Number(r.calls),
      fees: BigInt(r.fees),
      developer: BigInt(r.developer),
      data: BigInt(r.data),
      validators: BigInt(r.validators),
      protocol: BigInt(r.protocol),
    });
  }
  return usage;
}

const NO_USAGE: ModelUsage = { calls: 0, fees: 0n, developer: 0n, data: 0n, validators: 0n, protocol: 0n };

/** The models with what their settled paid calls paid, in total and by part of the split. */
export async function withUsage(db: Db, models: PublishedModel[]): Promise<Model[]> {
  const usage = await settledUsageByModel(
    db,
    models.map((m) => m.id),
  );
  return models.map((m) => {
    const u = usage.get(String(m.id)) ?? NO_USAGE;
    return {
      ...m,
      usage: { calls: u.calls, fees: u.fees },
      earnings: { developer: u.developer, data: u.data, validators: u.validators, protocol: u.protocol },
    };
  });
}

/** Paid calls by status, for the metrics gauges. */
export async function countCallsByStatus(db: Db): Promise<{ label: string; n: string }[]> {
  return db<{ label: string; n: string }[]>`
    select status as label, count(*)::text as n from inference_calls group by status`;
}

/** Fees of every settled paid call, in base units. */
export async function settledFeesTotal(db: Db): Promise<bigint> {
  const [row] = await db<{ total: string }[]>`
    select coalesce(sum(fee), 0)::text as total from inference_calls where status = 'settled'`;
  return BigInt(row.total);
}
