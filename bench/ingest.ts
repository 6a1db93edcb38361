import { TOKEN } from '../test/support/fixtures.ts';
import { backends, benchApp, emit } from './_support.ts';

/**
 * Contributions accepted per second through the batch use case: normalise, hash, MinHash + LSH
 * lookup, language check, quota, deposit and insert, in batches of 500; one contributor at a
 * time, then four at once. The datanet holds 10,000 items before the second run starts.
 */
// A Zipf-distributed vocabulary of 5,000 made-up words: like real verse, two poems share common
// words but few 5-character shingles (a 30-word vocabulary would make every poem a candidate of
// every other). Few is not none: measured, a pair is an LSH candidate about once in a thousand
// (median similarity 0.06, 1% above 0.16), so at 20,000 items a 500-item batch still meets ~9,000
// candidates through ~45,000 band hits, and the near-duplicate lookup grows with the datanet.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const SYLLABLES = 'ka lo mi ren sa tu vel an or is em ul na ri so de ma li fa ru'.split(' ');
const VOCAB = Array.from({ length: 5000 }, () =>
  Array.from(
    { length: 1 + Math.floor(rand() * 3) },
    () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)],
  ).join(''),
);
const zipf = () => VOCAB[Math.min(VOCAB.length - 1, Math.floor(VOCAB.length ** rand()) - 1)];
const poem = (i: number) =>
  Array.from({ length: 4 }, () => Array.from({ length: 8 }, zipf).join(' '))
    .join('\n')
    .concat(`\nverse ${i}`);

const TOTAL = 10_000;
const BATCH = 500;
// Several contributors submitting at once, as on a busy server: checks in Node overlap the
// database work of another batch.
const CONTRIBUTORS = 4;

for (const backend of backends()) {
  const t = await benchApp(backend, {
    DEV_FAUCET_AMOUNT: (1_000_000n * TOKEN).toString(),
    MAX_BATCH_ITEMS: String(BATCH),
  });
  try {
    const contributors: string[] = [];
    for (let c = 0; c < CONTRIBUTORS; c++) {
      const { accountId } = await t.app.accounts.resolveIdentity({ identity: `discord:${c + 1}` });
      await t.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
      contributors.push(accountId);
    }
    const d = await t.app.datanets.create({
      ownerAccountId: contributors[0],
      name: 'Bench Verse',
      languages: [],
      deposit: '1000',
      dailyItems: 1_000_000,
      dailyBytes: 1024 ** 3,
    });
    // Warm-up batch: JIT, franc's models, prepared statements.
    await t.app.contributions.submit({
      accountId: contributors[0],
      datanetId: d.id,
      idempotencyKey: 'warm',
      items: [{ text: poem(-1) }],
    });
    let b = 0;
    for (const concurrency of [1, 2, CONTRIBUTORS]) {
      let accepted = 0;
      const batches = TOTAL / BATCH;
      const started = performance.now();
      let next = 0;
      await Promise.all(
        contributors.slice(0, concurrency).map(async (accountId) => {
          while (next < batches) {
            next += 1;
            b += 1;
            const items = Array.from({ length: BATCH }, (_, i) => ({ text: poem(b * BATCH + i) }));
            const res = await t.app.contributions.submit({
              accountId,
              datanetId: d.id,
              idempotencyKey: `b${b}`,
              items,
            });
            accepted += res.accepted.length;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      emit(
        'ingest',
        `contributions_per_second_${backend}_${concurrency}_submitters`,
        accepted / seconds,
        'items/s',
      );
      if (accepted !== TOTAL) throw new Error(`only ${accepted} of ${TOTAL} accepted`);
    }
  } finally {
    await t.cleanup();
  }
}
