import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareBalances } from '../demo/compareBalances.ts';
import { type DemoResult, runDemo } from '../demo/runDemo.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { formatTokens } from '../src/shared/amount.ts';

let result: DemoResult | undefined;
afterAll(() => {
  if (result) fs.rmSync(result.dataDir, { recursive: true, force: true });
});

/** The rows of the printed "Where every token went" table: name, account id, printed balance. */
function printedBalances(out: string): { name: string; accountId: string; balance: string }[] {
  const section = out.split('Where every token went')[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\s+\S+\s+#\d+\s/.test(line))
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // who, account, faucet, deposits, staked, pool, fees, earned, to wallet, balance, ledger, ✓
      return { name: cells[0], accountId: cells[1].slice(1), balance: cells[9] };
    });
}

describe('potluck demo', () => {
  it('runs the whole story on embedded defaults, and every printed balance is the ledger’s', async () => {
    let out = '';
    // Kept, so the database can be read here independently of the demo's own checks.
    result = await runDemo({ write: (text) => (out += text), keep: true });
    expect(result.error, out).toBeUndefined();
    expect(result.ok, out).toBe(true);
    expect(out).toContain('Every balance adds up.');
    const checks = out.split('Does every balance add up?')[1] ?? '';
    expect(checks).not.toContain('✗');
    expect(checks.match(/^\s+✓ /gm)).toHaveLength(result.checks.length);
    // The story's beats happened: refusals with reasons, a dissenting vote, the MCP agent, the claim.
    expect(out).toMatch(/refused .*DUPLICATE, This text is already contribution #\d+/);
    expect(out).toMatch(/refused .*BAD_INPUT, This looks like French/);
    expect(out).toMatch(/Kaveh ✗ Laleh ✗ Babak ✓ {2}→ rejected/);
    expect(out).toMatch(/Hoopoe \(MCP invoke_model\)/);
    expect(out).toMatch(/span tokens \d+–\d+ \(\d+\): “.+”\n\s+from #\d+ by Shirin/);
    expect(out).toMatch(/her wallet now holds [1-9]/);

    const printed = printedBalances(out);
    expect(printed.map((p) => p.name)).toEqual([
      'Shirin',
      'Kaveh',
      'Laleh',
      'Babak',
      'Omid',
      'Maryam',
      'Sam',
      'Hoopoe',
    ]);
    const db = await openDatabase({ pgliteDataDir: path.join(result.dataDir, 'pgdata') });
    try {
      const rows = await db.sql<{ owner: string; balance: string }[]>`
        select owner_account_id as owner, balance::text from ledger_accounts where kind = 'available'`;
      const ledger = new Map(rows.map((r) => [r.owner, BigInt(r.balance)]));
      for (const p of printed) expect(p.balance, p.name).toBe(formatTokens(ledger.get(p.accountId) ?? 0n));
      // The exact totals (the table rounds to 4 decimals) match too.
      const exact = new Map(result.totals.map((t) => [t.accountId, t.balance]));
      const mine = new Map([...ledger].filter(([owner]) => exact.has(owner)));
      expect(compareBalances(exact, mine)).toEqual([]);
      expect(exact.size).toBe(8);
      const [sum] = await db.sql<
        { s: string }[]
      >`select coalesce(sum(balance), 0)::text as s from ledger_accounts`;
      expect(sum.s).toBe('0');
    } finally {
      await db.close();
    }
  }, 300_000);

  it('compares balances so that any difference, or a missing account, is reported', () => {
    const expected = new Map([
      ['1', 5n],
      ['system:treasury', 2n],
    ]);
    expect(compareBalances(expected, new Map(expected))).toEqual([]);
    expect(
      compareBalances(
        expected,
        new Map([
          ['1', 5n],
          ['system:treasury', 3n],
        ]),
      ),
    ).toEqual(['system:treasury: expected 2, found 3']);
    expect(compareBalances(expected, new Map([['1', 5n]]))).toEqual(['system:treasury: expected 2, found 0']);
    expect(compareBalances(new Map(), new Map([['9', 1n]]))).toEqual(['9: expected 0, found 1']);
  });
});
