import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { EARNING_ROLES, type EarningRole } from './earningRoles.ts';
import { earningsByDay } from './ledgerStore.ts';

const params = z.object({
  accountId: idSchema,
  /** How many UTC days back, today included. */
  days: z.number().int().min(1).max(366).default(30),
});

export interface EarningsDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  byRole: Record<EarningRole, bigint>;
  total: bigint;
}

export interface EarningsOverTime {
  accountId: string;
  from: string;
  to: string;
  /** Every day of the window, oldest first, zeros included, so a chart has no gaps. */
  days: EarningsDay[];
  totalByRole: Record<EarningRole, bigint>;
  total: bigint;
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const zeros = () => Object.fromEntries(EARNING_ROLES.map((r) => [r, 0n])) as Record<EarningRole, bigint>;

/** The caller's own earnings per day and role (contributor, validator, developer). */
export async function getEarningsOverTime(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<EarningsOverTime> {
  const p = parseInput(params, input);
  const today = new Date(`${isoDay(deps.now())}T00:00:00Z`);
  const since = new Date(today.getTime() - (p.days - 1) * DAY_MS);
  const rows = await earningsByDay(deps.sql, { accountId: p.accountId, since, roles: EARNING_ROLES });
  const days: EarningsDay[] = [];
  const index = new Map<string, EarningsDay>();
  for (let i = 0; i < p.days; i++) {
    const day = { day: isoDay(new Date(since.getTime() + i * DAY_MS)), byRole: zeros(), total: 0n };
    days.push(day);
    index.set(day.day, day);
  }
  const totalByRole = zeros();
  let total = 0n;
  for (const r of rows) {
    const day = index.get(r.day);
    if (!day) continue;
    day.byRole[r.role] += r.amount;
    day.total += r.amount;
    totalByRole[r.role] += r.amount;
    total += r.amount;
  }
  return { accountId: p.accountId, from: days[0].day, to: days.at(-1)!.day, days, totalByRole, total };
}
