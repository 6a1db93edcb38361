import type { App } from '../src/app.ts';
import { compareBalances } from './compareBalances.ts';
import type { DemoBook } from './demoBook.ts';
import { type Cast, everyone } from './demoContext.ts';
import { type DemoPrinter, tokens } from './demoPrinter.ts';
import type { PrintedTotal } from './printEarnings.ts';
import type { LedgerSnapshot } from './readLedger.ts';
import type { Settlement } from './settleAndClaim.ts';

export interface Check {
  ok: boolean;
  text: string;
}

/**
 * The ledger's own invariants, read from its tables, and the demo's book held against it account by
 * account: the printed totals, every system account and pool, earnings by role, stakes, and the
 * tokens the claim put in Shirin's wallet on chain.
 */
export async function checkLedger(
  app: App,
  input: {
    out: DemoPrinter;
    cast: Cast;
    book: DemoBook;
    ledger: LedgerSnapshot;
    totals: PrintedTotal[];
    settlement: Settlement;
    receiptHashMatches: boolean;
  },
): Promise<Check[]> {
  const { out, cast, book, ledger, totals, settlement } = input;
  const sql = app.database.sql;
  const [sum] = await sql<{ total: string; accounts: number }[]>`
    select coalesce(sum(balance), 0)::text as total, count(*)::int as accounts from ledger_accounts`;
  const drift = await sql`
    select a.id from ledger_accounts a left join ledger_entries e on e.ledger_account_id = a.id
    group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)`;
  const [entries] = await sql<{ n: number; txs: number }[]>`
    select count(*)::int as n, count(distinct tx_id)::int as txs from ledger_entries`;
  const unbalanced = await sql`select tx_id from ledger_entries group by tx_id having sum(amount) <> 0`;
  const negative = await sql`select id from ledger_accounts where not allow_negative and balance < 0`;

  const expected = new Map(book.keys().map((k) => [k, book.balance(k)] as const));
  const accountDiffs = compareBalances(expected, ledger.accounts);
  const printedDiffs = compareBalances(
    new Map(totals.map((t) => [t.name, t.balance])),
    new Map(totals.map((t) => [t.name, ledger.people.get(t.accountId)?.available ?? 0n])),
  );
  const roleDiffs: string[] = [];
  const stakeDiffs: string[] = [];
  for (const p of everyone(cast)) {
    const reported = ledger.people.get(p.accountId);
    const mine = book.earnedByRole(p.accountId);
    const theirs = new Map(Object.entries(reported?.earnedByRole ?? {}));
    roleDiffs.push(...compareBalances(new Map(Object.entries(mine)), theirs).map((d) => `${p.name} ${d}`));
    const staked = -book.line(p.accountId, 'stake').amount;
    if (staked !== (reported?.staked ?? 0n))
      stakeDiffs.push(`${p.name}: staked ${staked}, ledger ${reported?.staked}`);
  }
  const poetEarned = Object.values(book.earnedByRole(cast.poet.accountId)).reduce((a, b) => a + b, 0n);
  const checks: Check[] = [
    {
      ok: sum.total === '0',
      text: `the ledger sums to zero over its ${sum.accounts} accounts (found ${sum.total})`,
    },
    {
      ok: drift.length === 0,
      text: `every account's balance equals the sum of its entries (${entries.n} entries)`,
    },
    { ok: unbalanced.length === 0, text: `every one of the ${entries.txs} ledger transactions sums to zero` },
    { ok: negative.length === 0, text: 'no balance is below zero where that is not allowed' },
    {
      ok: printedDiffs.length === 0,
      text: `the ${totals.length} per-person balances printed above equal the ledger${detail(printedDiffs)}`,
    },
    {
      ok: accountDiffs.length === 0,
      text: `all ${ledger.accounts.size} ledger accounts (people, pool, escrow, stakes, treasury, rewards, settlement, faucet) equal what the story moved${detail(accountDiffs)}`,
    },
    {
      ok: roleDiffs.length === 0,
      text: `earnings by role equal the ledger's for everyone${detail(roleDiffs)}`,
    },
    { ok: stakeDiffs.length === 0, text: `validator stakes equal the ledger's${detail(stakeDiffs)}` },
    {
      ok:
        settlement.committed === poetEarned &&
        settlement.claimed === settlement.committed &&
        settlement.onChain === settlement.claimed,
      text: `Shirin's wallet holds ${tokens(settlement.onChain)} tokens on chain: everything she earned (${tokens(poetEarned)}), committed and claimed once`,
    },
    { ok: input.receiptHashMatches, text: 'the printed receipt hashes to its receipt hash' },
  ];
  out.heading('Does every balance add up?');
  for (const c of checks) out.say(`${c.ok ? '✓' : '✗'} ${c.text}`);
  return checks;
}

const detail = (diffs: string[]) => (diffs.length ? `: ${diffs.slice(0, 5).join('; ')}` : '');
