import { z } from 'zod';
import { notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import {
  CONTRIBUTION_COLUMNS,
  type Contribution,
  type ContributionRow,
  toContribution,
} from './contributionStore.ts';

const params = z.object({ contributionId: idSchema });

/** Contributions are public within the network: validators and model users see them. */
export async function getContribution(deps: Deps, input: z.input<typeof params>): Promise<Contribution> {
  const p = parseInput(params, input);
  const [row] = await deps.sql<ContributionRow[]>`
    select ${deps.sql.unsafe(CONTRIBUTION_COLUMNS)} from contributions where id = ${p.contributionId}`;
  if (!row) throw notFound('Contribution', p.contributionId);
  return toContribution(row);
}
