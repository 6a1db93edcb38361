import type { DemoBook, Line, Reason } from './demoBook.ts';
import { type Cast, everyone } from './demoContext.ts';
import { type DemoPrinter, tokens } from './demoPrinter.ts';
import type { LedgerSnapshot } from './readLedger.ts';

export interface PrintedTotal {
  name: string;
  accountId: string;
  /** The balance the table prints, from the demo's own book. */
  balance: bigint;
  /** The ledger's balance for the same account. */
  ledger: bigint;
}

const times = (line: Line, what: string) => `${line.count} ${what}${line.count === 1 ? '' : 's'}`;

/**
 * Two tables: who earned what by role and why, then where every token of each person went, with the
 * ledger's balance beside the demo's. Returns the printed totals so the caller (and the test) can
 * hold them against the ledger.
 */
export function printEarnings(
  out: DemoPrinter,
  cast: Cast,
  book: DemoBook,
  ledger: LedgerSnapshot,
): PrintedTotal[] {
  out.heading('Who earned what, and why');
  const rows: string[][] = [];
  for (const p of everyone(cast)) {
    const earned = book.earnedByRole(p.accountId);
    const why: string[] = [];
    const data = book.line(p.accountId, 'data share');
    const rewards = book.line(p.accountId, 'validation reward');
    const validatorShare = book.line(p.accountId, 'validator share');
    const developer = book.line(p.accountId, 'developer share');
    if (data.count) why.push(`data share of ${times(data, 'paid call')} drawing on her poems`);
    if (rewards.count) why.push(`rewards for ${times(rewards, 'decision')} won`);
    if (validatorShare.count) why.push(`share of ${times(validatorShare, 'paid call')} on poems approved`);
    if (developer.count) why.push(`developer share of ${times(developer, 'paid call')}`);
    const total = earned.contributor + earned.validator + earned.developer;
    if (total === 0n)
      why.push(p.role === 'validator' ? 'voted with the minority only' : 'paid, earned nothing');
    const cell = (v: bigint) => (v === 0n ? '·' : tokens(v));
    rows.push([
      p.name,
      p.role,
      cell(earned.contributor),
      cell(earned.validator),
      cell(earned.developer),
      cell(total),
      why.join('; '),
    ]);
  }
  const protocol = book.line('system:treasury', 'protocol share');
  rows.push([
    'Treasury',
    'protocol',
    '·',
    '·',
    '·',
    tokens(protocol.amount),
    `protocol share of ${times(protocol, 'paid call')}`,
  ]);
  out.table(['who', 'role', 'contributor', 'validator', 'developer', 'total', 'why'], rows, [
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
    'left',
  ]);

  out.heading('Where every token went (the ledger balance beside the demo’s own count)');
  const sum = (key: string, ...reasons: Reason[]) =>
    reasons.reduce((a, r) => a + book.line(key, r).amount, 0n);
  const totals: PrintedTotal[] = [];
  const balanceRows = everyone(cast).map((p) => {
    const k = p.accountId;
    const earned = Object.values(book.earnedByRole(k)).reduce((a, b) => a + b, 0n);
    const balance = book.balance(k);
    const onLedger = ledger.people.get(k)?.available ?? 0n;
    totals.push({ name: p.name, accountId: k, balance, ledger: onLedger });
    return [
      p.name,
      `#${k}`,
      tokens(sum(k, 'dev faucet')),
      tokens(sum(k, 'deposit', 'deposit back')),
      tokens(sum(k, 'stake')),
      tokens(sum(k, 'pool funding')),
      tokens(sum(k, 'fee')),
      earned > 0n ? `+${tokens(earned)}` : '0',
      tokens(sum(k, 'to wallet')),
      tokens(balance),
      tokens(onLedger),
      balance === onLedger ? '✓' : '✗',
    ];
  });
  out.table(
    [
      'who',
      'account',
      'faucet',
      'deposits',
      'staked',
      'pool',
      'fees',
      'earned',
      'to wallet',
      'balance',
      'ledger',
      '',
    ],
    balanceRows,
  );
  return totals;
}
