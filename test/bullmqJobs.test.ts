import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTestServices } from '../src/config.ts';
import type { TrainingRun } from '../src/training/trainingRunStore.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { seedApprovedDatanet } from './support/seedApprovedDatanet.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';
import { testQueuePrefix } from './support/testQueuePrefix.ts';

const { redisUrl, databaseUrl } = loadTestServices();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  // Worker processes first (pass or fail), then the databases and queues they were using.
  await killSpawned();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function finished(t: TestApp, runId: string): Promise<TrainingRun> {
  let last: TrainingRun | undefined;
  for await (const r of t.app.training.watch({ runId, intervalMs: 25 })) last = r;
  return last!;
}

describe.skipIf(!redisUrl)('jobs on BullMQ (TEST_REDIS_URL)', () => {
  it('runs the whole story with training on a BullMQ worker', async () => {
    const queue = testQueuePrefix(redisUrl!);
    cleanups.push(queue.cleanup);
    const t = await createTestApp({ REDIS_URL: redisUrl!, QUEUE_PREFIX: queue.prefix, JOB_LOCK_MS: '2000' });
    cleanups.push(t.cleanup);
    expect(t.app.deps.jobs.kind).toBe('bullmq');
    const texts = fixtureContributions.map((c) => c.text);
    const seeded = await seedApprovedDatanet(t.app, {
      name: 'Queued Verse',
      texts,
      authors: texts.map((_, i) => i % 2),
      authorCount: 2,
    });
    const developer = await fundedPerson(t.app, 'developer');
    const caller = await fundedPerson(t.app, 'caller');
    const { run } = await t.app.training.start({
      accountId: developer,
      datanetId: seeded.datanetId,
      idempotencyKey: 'a',
    });
    expect(await finished(t, run.id)).toMatchObject({ status: 'succeeded', progress: 1 });
    const { model } = await t.app.models.publish({
      accountId: developer,
      runId: run.id,
      name: 'Queued Model',
      pricePerCall: '1000',
      split: { developerBps: 1000, dataBps: 7000, validatorsBps: 1000, protocolBps: 1000 },
      idempotencyKey: 'p',
    });
    const before = (await t.app.ledger.getBalance({ accountId: caller })).available;
    const dream = fixtureContributions.findIndex((c) => c.contributionId === 'machine-dream');
    const { receipt } = await t.app.inference.invoke({
      accountId: caller,
      modelId: model.id,
      prompt: 'The little model dreams in borrowed words,',
      temperature: 0,
      maxTokens: 16,
      idempotencyKey: 'q',
    });
    expect(receipt.attribution.contributions[0]).toMatchObject({
      contributionId: seeded.contributionIds[dream],
      contributorAccountId: seeded.contributors[dream % 2],
    });
    expect((await t.app.ledger.getBalance({ accountId: caller })).available).toBe(before - 1000n);
    await assertLedgerInvariants(t.app);
  });

  it.skipIf(!databaseUrl)(
    'retries a run whose worker was killed with SIGKILL mid-build: one artifact',
    async () => {
      const queue = testQueuePrefix(redisUrl!);
      cleanups.push(queue.cleanup);
      const env = {
        REDIS_URL: redisUrl!,
        QUEUE_PREFIX: queue.prefix,
        JOB_LOCK_MS: '1000',
        TRAINING_STALE_MS: '1500',
        JOB_BACKOFF_MS: '100',
      };
      // This process only enqueues; separate `potluck worker` processes build.
      const t = await createTestApp({ ...env, JOBS_IN_START: 'false' });
      cleanups.push(t.cleanup);
      const developer = await fundedPerson(t.app, 'developer');
      const datanet = await t.app.datanets.create({ ownerAccountId: developer, name: 'Big Corpus' });
      await insertApprovedCorpus(t, datanet.id, developer, 1200);

      const startWorker = () =>
        spawnWorker({ ...env, DATABASE_URL: t.databaseUrl!, POTLUCK_DATA_DIR: t.dataDir });

      const first = startWorker();
      await waitForOutput(first, /processing jobs/);
      const { run } = await t.app.training.start({
        accountId: developer,
        datanetId: datanet.id,
        idempotencyKey: 'big',
      });
      for await (const r of t.app.training.watch({ runId: run.id, intervalMs: 10 })) {
        if (r.status === 'running' && r.progress >= 0.15) break;
        expect(r.status === 'queued' || r.status === 'running').toBe(true);
      }
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect((await t.app.training.get({ runId: run.id })).status).toBe('running');

      const second = startWorker();
      const done = await finished(t, run.id);
      expect(done).toMatchObject({ status: 'succeeded', progress: 1 });
      expect(done.attempts).toBeGreaterThanOrEqual(2);

      // A fresh run on the same snapshot builds the same artifact, so the retry reproduced it exactly.
      const fresh = await t.app.training.start({
        accountId: developer,
        datanetId: datanet.id,
        idempotencyKey: 'again',
      });
      expect((await finished(t, fresh.run.id)).artifactHash).toBe(done.artifactHash);
      const manifests = fs.readdirSync(path.join(t.dataDir, 'artifacts')).filter((f) => f.endsWith('.json'));
      expect(manifests).toEqual([`${done.artifactHash}.json`]);
      second.kill('SIGTERM');
      expect(await new Promise((resolve) => second.once('exit', resolve))).toBe(0);
    },
    120_000,
  );
});

function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (d) => {
      seen += String(d);
      if (pattern.test(seen)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before printing ${pattern}`)));
  });
}

/**
 * Approved contributions written straight into the table: this test is about the queue surviving a
 * killed worker, and a corpus big enough to kill it mid-build takes too long to vote in.
 */
async function insertApprovedCorpus(t: TestApp, datanetId: string, contributor: string, count: number) {
  const base = fixtureContributions.map((c) => c.text).join('');
  const rows = Array.from({ length: count }, (_, i) => {
    const content = `${base}Poem ${i} of ${count}.\n`;
    return {
      datanet_id: datanetId,
      contributor_account_id: contributor,
      content,
      content_hash: createHash('sha256').update(content).digest('hex'),
      bytes: Buffer.byteLength(content),
      chars: content.length,
      language: 'en',
      check_score: 100,
      minhash: Buffer.alloc(8),
      deposit: '0',
      status: 'approved',
    };
  });
  const sql = t.app.database.sql;
  for (let i = 0; i < rows.length; i += 200)
    await sql`insert into contributions ${sql(rows.slice(i, i + 200))}`;
}
