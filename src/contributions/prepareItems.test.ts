import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { ContributionCheckPool, prepareItemsHere } from './prepareItems.ts';

const job = {
  items: Array.from({ length: 80 }, (_, i) => ({
    text: `Verse ${i}: the lantern of the evening hums over the harbour.`,
  })),
  languages: ['en'],
  limits: loadConfig({}).limits,
};
const summary = (outcomes: ReturnType<typeof prepareItemsHere>) =>
  outcomes.map((o) => ('item' in o ? o.item.contentHash : o.code));

describe('ContributionCheckPool', () => {
  it('starts its threads on the first large batch, stops them on close, and still checks afterwards', async () => {
    const pool = new ContributionCheckPool();
    expect(pool.threads).toBe(0);
    const here = summary(prepareItemsHere(job));
    expect(summary(await pool.prepare(job))).toEqual(here);
    expect(pool.threads).toBeGreaterThan(0);
    await pool.close();
    expect(pool.threads).toBe(0);
    // A request that arrives while the app closes is still answered, in this thread.
    expect(summary(await pool.prepare(job))).toEqual(here);
    expect(pool.threads).toBe(0);
  });

  it('is one per owner: closing one pool leaves another working', async () => {
    const a = new ContributionCheckPool();
    const b = new ContributionCheckPool();
    await Promise.all([a.prepare(job), b.prepare(job)]);
    await a.close();
    expect(a.threads).toBe(0);
    expect(b.threads).toBeGreaterThan(0);
    expect(await b.prepare(job)).toHaveLength(80);
    await b.close();
  });
});
