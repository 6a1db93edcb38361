import { z } from 'zod';
import { idSchema } from '../accounts/identity.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ accountId: idSchema });
export interface ValidatorStatus {
  stakes: {
    datanetId: string;
    datanetName: string;
    staked: bigint;
    minStake: bigint;
    openVotes: number;
    votesCast: number;
    votesWon: number;
  }[];
}

/** The caller's stakes and voting record per datanet. */
export async function getValidatorStatus(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<ValidatorStatus> {
  const p = parseInput(params, input);
  const rows = await deps.sql<
    {
      datanet_id: string;
      name: string;
      amount: string;
      min_stake: string;
      open: string;
      cast: string;
      won: string;
    }[]
  >`
    select s.datanet_id, d.name, s.amount, d.min_stake, t.open, t.cast, t.won
    from validator_stakes s
    join datanets d on d.id = s.datanet_id
    cross join lateral (
      select count(*) filter (where c.status = 'pending') as open,
             count(*) as cast,
             count(*) filter (where o.approved = v.approve) as won
      from votes v
      join contributions c on c.id = v.contribution_id
      left join validation_outcomes o on o.contribution_id = v.contribution_id
      where v.validator_account_id = s.account_id and c.datanet_id = s.datanet_id) t
    where s.account_id = ${p.accountId}
    order by s.datanet_id`;
  return {
    stakes: rows.map((r) => ({
      datanetId: r.datanet_id,
      datanetName: r.name,
      staked: BigInt(r.amount),
      minStake: BigInt(r.min_stake),
      openVotes: Number(r.open),
      votesCast: Number(r.cast),
      votesWon: Number(r.won),
    })),
  };
}
