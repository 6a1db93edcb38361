import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { parse } from 'yaml';
import { jobDefinitions } from '../jobs/jobDefinitions.ts';
import { type App, createApp } from '../src/app.ts';
import { embeddedPrivateKey } from '../src/chain/startEmbeddedChain.ts';
import { loadConfig, loadTestServices } from '../src/config.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { QUEUE_NAME } from '../src/queue/bullmqQueue.ts';
import { createLogger } from '../src/shared/createLogger.ts';
import { createTestDatabase } from './support/createTestApp.ts';
import { TOKEN } from './support/fixtures.ts';
import { assertLedgerInvariants } from './support/ledgerInvariants.ts';
import { callOk, connectHttp } from './support/mcpTestClient.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';
import { testQueuePrefix } from './support/testQueuePrefix.ts';

const { databaseUrl, redisUrl } = loadTestServices();
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');

/** A `potluck <command>` process of its own, with its own data folder (as on its own machine). */
function potluck(
  command: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `potluck-scale-${command}-`));
  dirs.push(dataDir);
  const child = spawnTracked(process.execPath, [bin, command], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), POTLUCK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  dataDirs.set(child, dataDir);
  return { child, output: () => out };
}

async function waitFor(p: { child: ChildProcess; output: () => string }, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 120_000;
  while (!pattern.test(p.output())) {
    if (p.child.exitCode !== null)
      throw new Error(`exited ${p.child.exitCode} before ${pattern}:\n${p.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within 120 s:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return p.output();
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const dirs: string[] = [];
const dataDirs = new Map<ChildProcess, string>();
const cleanups: (() => Promise<void>)[] = [];
let harness: App | undefined;

afterAll(async () => {
  // Every spawned process first, pass or fail; then what they were using.
  await killSpawned();
  await harness?.close();
  for (const c of cleanups.reverse()) await c();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * compose.yaml's topology without Docker: PostgreSQL, Redis, a chain node in its own process,
 * `potluck start` serving MCP over HTTP, and two `potluck worker`s at once, each with its own
 * data folder, so an artifact one builds reaches the others only through the shared store.
 */
describe.runIf(databaseUrl && redisUrl)(
  'scale-out: start, two workers, a chain node (TEST_DATABASE_URL, TEST_REDIS_URL)',
  () => {
    let env: Record<string, string>;
    let start: ReturnType<typeof potluck>;
    let workers: ReturnType<typeof potluck>[];
    let endpoint: string;
    let queuePrefix: string;

    beforeAll(async () => {
      const db = await createTestDatabase();
      cleanups.push(db.dropDatabase);
      const queue = testQueuePrefix(redisUrl!);
      cleanups.push(queue.cleanup);
      queuePrefix = queue.prefix;

      const chain = potluck('chain', { CHAIN_NODE_PORT: '0', LOG_LEVEL: 'warn' });
      const printed = await waitFor(chain, /CHAIN_START_BLOCK=\d+/);
      const chainVars = Object.fromEntries(
        [...printed.matchAll(/^(CHAIN_[A-Z_]+)=(0x[0-9a-fA-F]+|\d+|http\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      // The node deploys where compose.yaml says it does, from the key compose.yaml gives the cluster.
      const composed = parse(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8'), { merge: true })
        .services.potluck.environment as Record<string, string>;
      for (const name of [
        'CHAIN_TOKEN_ADDRESS',
        'CHAIN_REGISTRY_ADDRESS',
        'CHAIN_VAULT_ADDRESS',
        'CHAIN_START_BLOCK',
      ])
        expect(chainVars[name], name).toBe(composed[name]);

      env = {
        ...chainVars,
        CHAIN_PRIVATE_KEY: embeddedPrivateKey(0),
        DATABASE_URL: db.databaseUrl!,
        REDIS_URL: redisUrl!,
        QUEUE_PREFIX: queuePrefix,
        ARTIFACT_STORE: 'postgres',
        LOG_LEVEL: 'warn',
        DEV_FAUCET_ENABLED: 'true',
        JOB_LOCK_MS: '1000',
        TRAINING_STALE_MS: '1500',
        JOB_BACKOFF_MS: '100',
        CHAIN_POLL_MS: '100',
        OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
      };
      // The test's own handle on the shared database (no chain, no job processing): accounts and checks.
      const config = loadConfig({
        ...env,
        JOBS_IN_START: 'false',
        POTLUCK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-scale-harness-')),
      });
      dirs.push(config.dataDir);
      harness = await createApp(config, {
        database: await openDatabase({ databaseUrl: db.databaseUrl }),
        log: createLogger('silent'),
        chain: false,
        jobDefinitions,
      });

      start = potluck('start', { ...env, HTTP_PORT: '0', JOBS_IN_START: 'false' });
      workers = [potluck('worker', env), potluck('worker', env)];
      const banner = await waitFor(start, /Ready in/);
      expect(banner).toMatch(/chain +CHAIN_RPC_URL, chain 31337/);
      endpoint = `${/http\s+(http:\/\/\S+)/.exec(banner)![1]}/mcp`;
      for (const w of workers)
        expect(await waitFor(w, /processing jobs/)).toMatch(/chain over CHAIN_RPC_URL/);
    }, 180_000);

    it('runs the story over MCP; a worker killed mid-training leaves every job done once', async () => {
      // What the processes said is the first thing to read when this fails.
      onTestFailed(() => {
        for (const [name, p] of [
          ['start', start],
          ['worker 1', workers[0]],
          ['worker 2', workers[1]],
        ] as const)
          process.stderr.write(`--- ${name} ---\n${p.output().slice(-6000)}\n`);
      });
      const app = harness!;
      const clients: Record<'poet' | 'v1' | 'v2' | 'caller', Client> = {} as never;
      const ids: Record<string, string> = {};
      for (const name of ['poet', 'v1', 'v2', 'caller'] as const) {
        const agent = await app.accounts.createAgent({ name });
        ids[name] = agent.accountId;
        clients[name] = await connectHttp(endpoint, agent.apiKey);
        await callOk(clients[name], 'request_faucet', { idempotencyKey: 'f' });
      }
      const { poet, v1, v2, caller } = clients;
      try {
        const { datanet } = await callOk(poet, 'create_datanet', {
          name: 'Scaled Verse',
          languages: ['en'],
          deposit: (1n * TOKEN).toString(),
          minStake: (10n * TOKEN).toString(),
          quorumVotes: 2,
        });
        const text = 'Across the harbour the lamps of the fishing boats drift home through the blue fog.';
        const { accepted } = await callOk(poet, 'contribute', {
          datanetId: datanet.id,
          text,
          idempotencyKey: 'p',
        });
        const contributionId = accepted[0].contributionId;
        for (const v of [v1, v2]) {
          await callOk(v, 'stake_as_validator', {
            datanetId: datanet.id,
            amount: (10n * TOKEN).toString(),
            idempotencyKey: 's',
          });
          await callOk(v, 'vote', { contributionId, approve: true });
        }
        // Enough approved text that the build is still running when its worker is killed.
        await insertApprovedCorpus(app, datanet.id, ids.poet, text, 1200);

        const { run } = await callOk(poet, 'start_training_run', {
          datanetId: datanet.id,
          idempotencyKey: 't',
        });
        const running = await until(
          'training starts',
          () => callOk(poet, 'get_training_run', { runId: run.id }).then((r) => r.run),
          (r) => r.status !== 'queued' && (r.status !== 'running' || r.progress >= 0.15),
        );
        expect(running.status).toBe('running');
        const [builder] = await app.database.sql<{ worker_id: string }[]>`
        select worker_id from training_runs where id = ${run.id}`;
        const victim = workers.find((w) => builder.worker_id.includes(`:${w.child.pid}:`))!;
        const survivor = workers.find((w) => w !== victim)!;
        expect(victim).toBeDefined();
        victim.child.kill('SIGKILL');
        await new Promise((r) => victim.child.once('exit', r));

        const done = await until(
          'the other worker finishes the run',
          () => callOk(poet, 'get_training_run', { runId: run.id }).then((r) => r.run),
          (r) => r.status !== 'running' && r.status !== 'queued',
        );
        expect(done).toMatchObject({ status: 'succeeded', progress: 1 });
        const [finished] = await app.database.sql<{ worker_id: string; attempts: number }[]>`
        select worker_id, attempts from training_runs where id = ${run.id}`;
        expect(finished.worker_id).toContain(`:${survivor.child.pid}:`);
        expect(finished.attempts).toBeGreaterThanOrEqual(2);

        // Published and called on `potluck start`, which never built it: it loads the worker's artifact.
        const price = (2n * TOKEN).toString();
        const { model } = await callOk(poet, 'publish_model', {
          runId: run.id,
          name: 'Scaled Verse v1',
          pricePerCall: price,
          split: { developerBps: 4000, dataBps: 4000, validatorsBps: 1000, protocolBps: 1000 },
          idempotencyKey: 'pub',
        });
        const ask = {
          modelId: model.id,
          prompt: 'Across the harbour the lamps',
          maxFee: price,
          idempotencyKey: 'ask',
        };
        const paid = await callOk(caller, 'invoke_model', ask);
        expect(paid.answer.length).toBeGreaterThan(0);
        expect(paid.receipt).toMatchObject({ fee: price, modelId: model.id });
        expect(await callOk(caller, 'invoke_model', ask)).toMatchObject({
          replayed: true,
          answer: paid.answer,
        });
        const artifact = done.artifactHash as string;
        const cached = (p: ReturnType<typeof potluck>) =>
          fs.existsSync(path.join(dataDirs.get(p.child)!, 'artifacts', `${artifact}.json`));
        expect(cached(start)).toBe(true);
        expect(cached(survivor)).toBe(true);

        // Exactly once: one artifact in the shared store, one run, one charge, no failed or leftover job.
        const sql = app.database.sql;
        expect(await sql`select hash from artifact_manifests`).toEqual([{ hash: artifact }]);
        expect(await sql`select status from training_runs`).toEqual([{ status: 'succeeded' }]);
        expect(await sql`select status from inference_calls`).toEqual([{ status: 'settled' }]);
        // BullMQ's own record: the training job completed once (the killed attempt was retried, not
        // repeated), and no job failed.
        const jobs = new Queue(QUEUE_NAME, { connection: { url: redisUrl! }, prefix: queuePrefix });
        try {
          const completed = await jobs.getJobs(['completed'], 0, -1);
          const trainingJobs = completed.filter((j) => j.name === 'training.run');
          expect(trainingJobs.map((j) => j.data.runId)).toEqual([run.id]);
          expect(trainingJobs[0].attemptsMade).toBeGreaterThanOrEqual(1);
          expect(await jobs.getJobCounts('failed')).toEqual({ failed: 0 });
        } finally {
          await jobs.close();
        }

        // Proofs: the contribution, its validation and the model snapshot, anchored on the chain node.
        const proof = await until(
          'the contribution is anchored',
          () => callOk(v1, 'get_contribution_proof', { contributionId }).then((r) => r.proof),
          (p) => p.state === 'anchored',
        );
        expect(proof.verified).toBe(true);
        const outcome = await until(
          'the validation outcome is anchored',
          () => callOk(v1, 'get_validation_proof', { contributionId }).then((r) => r.proof),
          (p) => p.state === 'anchored',
        );
        expect(outcome).toMatchObject({ verified: true, leaf: { approved: true } });
        const snapshot = await callOk(v1, 'get_model_snapshot_proof', { modelId: model.id, contributionId });
        expect(snapshot.inclusion).toMatchObject({ contributionId });

        await assertLedgerInvariants(app);
      } finally {
        await Promise.all(Object.values(clients).map((c) => c.close()));
      }
    }, 240_000);
  },
);

/**
 * Approved contributions written straight into the table, as in test/bullmqJobs.test.ts: voting a
 * corpus big enough to kill a build mid-way through MCP would take minutes.
 */
async function insertApprovedCorpus(
  app: App,
  datanetId: string,
  contributor: string,
  base: string,
  count: number,
) {
  const rows = Array.from({ length: count }, (_, i) => {
    const content = `${base} Verse ${i} of ${count}, and the tide turns again.\n`;
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
  const sql = app.database.sql;
  for (let i = 0; i < rows.length; i += 200)
    await sql`insert into contributions ${sql(rows.slice(i, i + 200))}`;
}
