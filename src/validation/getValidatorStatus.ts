import { z } from 'zod';
import { contributionsTable } from '../contributions/contributionStore.ts';
import { datanetsTable } from '../datanets/datanetStore.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type ValidatorRecord, validatorRecords } from './validatorRecords.ts';

const params = z.object({ accountId: idSchema });
export interface ValidatorStatus {
  stakes: (ValidatorRecord & {
    datanetName: string;
    minStake: bigint;
    /** Own votes on contributions not decided yet (never anyone else's, never a tally). */
    openVotes: number;
  })[];
}

/** The caller's stakes and reputation per datanet: agreement, gold accuracy, votes, earnings. */
export async function getValidatorStatus(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ValidatorStatus> {
  const p = parseInput(params, input);
  const records = await validatorRecords(
    deps.sql,
    deps.now(),
    deps.sql`s.account_id = ${p.accountId}`,
    deps.sql`s.datanet_id`,
  );
  const extra = await deps.sql<{ datanet_id: string; name: string; min_stake: string; open: string }[]>`
    select d.id as datanet_id, d.name, d.min_stake,
      (select count(*) from votes v join ${contributionsTable(deps.sql)} c on c.id = v.contribution_id
       where v.validator_account_id = ${p.accountId} and c.datanet_id = d.id and c.status = 'pending') as open
    from ${datanetsTable(deps.sql)} d where d.id = any(${records.map((r) => r.datanetId)}::bigint[])`;
  const byId = new Map(extra.map((e) => [e.datanet_id, e]));
  return {
    stakes: records.map((r) => {
      const e = byId.get(r.datanetId)!;
      return { ...r, datanetName: e.name, minStake: BigInt(e.min_stake), openVotes: Number(e.open) };
    }),
  };
}
