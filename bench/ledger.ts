import { TOKEN } from '../test/support/fixtures.ts';
import { backends, benchApp, emit, percentile } from './_support.ts';

/** Transfers per second and p99 latency with 32 concurrent writers between 64 accounts. */
const WRITERS = 32;
const TRANSFERS = 20_000;
const ACCOUNTS = 64;

for (const backend of backends()) {
  const t = await benchApp(backend, { DEV_FAUCET_AMOUNT: (1_000_000n * TOKEN).toString() }, WRITERS);
  try {
    const accounts: string[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const { accountId } = await t.app.accounts.resolveIdentity({ identity: `discord:${1000 + i}` });
      await t.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
      accounts.push(accountId);
    }
    const total = backend === 'pglite' ? TRANSFERS / 4 : TRANSFERS;
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        while (next < total) {
          const n = next++;
          const from = accounts[(n * 7 + w) % ACCOUNTS];
          const to = accounts[(n * 13 + w + 1) % ACCOUNTS];
          if (from === to) continue;
          const t0 = performance.now();
          await t.app.ledger.transfer({
            fromAccountId: from,
            toAccountId: to,
            amount: '1',
            idempotencyKey: `t${n}`,
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    emit('ledger', `transfers_per_second_${backend}`, latencies.length / seconds, 'tx/s');
    emit('ledger', `p99_latency_${backend}`, percentile(latencies, 99), 'ms');
    const [sum] = await t.app.database.sql`select sum(balance)::text as s from ledger_accounts`;
    if (sum.s !== '0') throw new Error(`ledger does not sum to zero after the benchmark: ${sum.s}`);
  } finally {
    await t.cleanup();
  }
}
