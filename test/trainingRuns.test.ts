import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../src/queue/jobQueue.ts';
import { RetryLaterError } from '../src/queue/jobQueue.ts';
import type { Deps } from '../src/shared/deps.ts';
import { cancelTrainingRun } from '../src/training/cancelTrainingRun.ts';
import { getTrainingRun } from '../src/training/getTrainingRun.ts';
import { runTraining } from '../src/training/runTraining.ts';
import { startTrainingRun } from '../src/training/startTrainingRun.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

let t: TestApp;
let seeded: SeededDatanet;
let developer: string;
/** The app's ports with a queue that holds jobs back, so each step runs when the test says. */
let held: Deps;
const enqueued: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const texts = fixtureContributions.slice(0, 6).map((c) => c.text);
  seeded = await seedApprovedDatanet(t.app, {
    name: 'Run Lifecycle',
    texts,
    authors: [0, 1, 0, 1, 0, 1],
    authorCount: 2,
  });
  developer = await fundedPerson(t.app, 'developer');
  const queue: JobQueue = {
    kind: 'in-process',
    enqueue: async (_name, payload) => void enqueued.push((payload as { runId: string }).runId),
  };
  held = { ...t.app.deps, jobs: queue };
});
afterAll(async () => t?.cleanup());

const start = (key: string, options = {}) =>
  startTrainingRun(held, { accountId: developer, datanetId: seeded.datanetId, options, idempotencyKey: key });

describe('training runs', () => {
  it('refuses a datanet with nothing approved, and bad option combinations', async () => {
    const empty = await t.app.datanets.create({ ownerAccountId: developer, name: 'Empty Pool' });
    await expect(
      startTrainingRun(held, { accountId: developer, datanetId: empty.id, idempotencyKey: 'e' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(start('bad-1', { tokenizer: 'base' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(start('bad-2', { baseModel: '/nowhere', tokenizer: 'words' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(start('bad-3', { minSpan: 0 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('cancels a queued run, which then never builds; only its developer may cancel', async () => {
    const { run } = await start('cancel-queued');
    expect(enqueued).toContain(run.id);
    await expect(cancelTrainingRun(held, { accountId: seeded.owner, runId: run.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await cancelTrainingRun(held, { accountId: developer, runId: run.id })).toMatchObject({
      status: 'cancelled',
    });
    expect(await runTraining(held, { runId: run.id })).toEqual({
      runId: run.id,
      status: 'cancelled',
      artifactHash: null,
    });
    await expect(cancelTrainingRun(held, { accountId: developer, runId: run.id })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('stops a running build at its next checkpoint when it is cancelled', async () => {
    const { run } = await start('cancel-running');
    const result = await runTraining(held, {
      runId: run.id,
      reportProgress: async (fraction) => {
        if (fraction > 0)
          await cancelTrainingRun(held, { accountId: developer, runId: run.id }).catch(() => {});
      },
    });
    expect(result.status).toBe('cancelled');
    expect(await getTrainingRun(held, { runId: run.id })).toMatchObject({
      status: 'cancelled',
      artifactHash: null,
    });
  });

  it('takes over a run whose worker died, and the retry gives the same artifact hash', async () => {
    const first = (await start('clean')).run;
    const clean = await runTraining(held, { runId: first.id });
    expect(clean.status).toBe('succeeded');

    const { run } = await start('crashed');
    // As a worker killed mid-build leaves it: running, claimed once, heartbeat going stale.
    await t.app.database.sql`
      update training_runs set status = 'running', attempts = 1, worker_id = 'dead-worker',
        heartbeat_at = now(), progress = 0.4, progress_message = 'Tokenising'
      where id = ${run.id}`;
    await expect(runTraining(held, { runId: run.id })).rejects.toBeInstanceOf(RetryLaterError);
    await t.app.database.sql`
      update training_runs set heartbeat_at = now() - interval '1 hour' where id = ${run.id}`;
    const retried = await runTraining(held, { runId: run.id });
    expect(retried).toMatchObject({ status: 'succeeded', artifactHash: clean.artifactHash });
    expect(await getTrainingRun(held, { runId: run.id })).toMatchObject({ attempts: 2, progress: 1 });
    // Running it again (a duplicate delivery) changes nothing.
    expect(await runTraining(held, { runId: run.id })).toEqual(retried);
    const manifests = fs.readdirSync(path.join(t.dataDir, 'artifacts')).filter((f) => f.endsWith('.json'));
    expect(manifests).toEqual([`${clean.artifactHash}.json`]);
  });

  it('marks a run failed for good when its job gives up', async () => {
    const { run } = await start('doomed');
    const { failTrainingRun } = await import('../src/training/failTrainingRun.ts');
    expect(await failTrainingRun(held, { runId: run.id, reason: 'disk full' })).toEqual({ failed: true });
    expect(await getTrainingRun(held, { runId: run.id })).toMatchObject({
      status: 'failed',
      error: 'disk full',
    });
    expect(await runTraining(held, { runId: run.id })).toMatchObject({ status: 'failed' });
    await expect(runTraining(held, { runId: '999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
