import { z } from 'zod';
import { getDatanet } from '../datanets/getDatanet.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { contributionActivity } from './contributionStore.ts';

const params = z.object({
  datanetId: idSchema,
  /** How many UTC days back, today included. */
  days: z.number().int().min(1).max(366).default(14),
});

export interface ActivityDay {
  day: string;
  submitted: number;
  approved: number;
  rejected: number;
}

export interface DatanetActivity {
  datanetId: string;
  datanetName: string;
  from: string;
  to: string;
  /** Every day of the window, oldest first, zeros included. */
  days: ActivityDay[];
  totals: { submitted: number; approved: number; rejected: number };
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A datanet's daily activity: items submitted, and items decided (approved, rejected) on the day of
 * their decision. Only decided outcomes and submissions count: nothing about open votes.
 */
export async function getDatanetActivity(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<DatanetActivity> {
  const p = parseInput(params, input);
  const datanet = await getDatanet(deps, { datanet: p.datanetId });
  const today = new Date(`${isoDay(deps.now())}T00:00:00Z`);
  const since = new Date(today.getTime() - (p.days - 1) * DAY_MS);
  const rows = new Map(
    (await contributionActivity(deps.sql, { datanetId: datanet.id, since })).map((r) => [r.day, r]),
  );
  const days: ActivityDay[] = [];
  const totals = { submitted: 0, approved: 0, rejected: 0 };
  for (let i = 0; i < p.days; i++) {
    const day = isoDay(new Date(since.getTime() + i * DAY_MS));
    const r = rows.get(day) ?? { day, submitted: 0, approved: 0, rejected: 0 };
    days.push({ day, submitted: r.submitted, approved: r.approved, rejected: r.rejected });
    totals.submitted += r.submitted;
    totals.approved += r.approved;
    totals.rejected += r.rejected;
  }
  return {
    datanetId: datanet.id,
    datanetName: datanet.name,
    from: days[0].day,
    to: days.at(-1)!.day,
    days,
    totals,
  };
}
