import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/createTestApp.ts';
import { TOKEN } from './support/fixtures.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');
const inspector = path.join(
  root,
  'node_modules',
  '@modelcontextprotocol',
  'inspector',
  'cli',
  'build',
  'cli.js',
);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-mcp-stdio-'));
// The Inspector writes under $HOME: keep it out of the real one.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-mcp-home-'));
let env: Record<string, string>;
let dropDatabase: () => Promise<void> = async () => {};
const keys: Record<'poet' | 'v1' | 'v2', string> = { poet: '', v1: '', v2: '' };

/** One `potluck mcp` process per session: PGlite allows one process per data directory. */
async function session<T>(apiKey: string | null, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ name: 'potluck-stdio-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp'],
    cwd: root,
    env: apiKey ? { ...env, POTLUCK_API_KEY: apiKey } : env,
    stderr: 'pipe',
  });
  await client.connect(transport);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  const db = await createTestDatabase();
  dropDatabase = db.dropDatabase;
  env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    POTLUCK_DATA_DIR: dataDir,
    DEV_FAUCET_ENABLED: 'true',
    LOG_LEVEL: 'warn',
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
  };
  for (const name of ['poet', 'v1', 'v2'] as const) {
    const r = spawnSync(process.execPath, [bin, 'agent', 'create', name], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    keys[name] = /API key[^:]*: (\S+)/.exec(r.stdout)![1];
  }
}, 120_000);
// Spawned servers are killed whether the test passed or not (the SDK's stdio client closes its own).
afterEach(killSpawned);
afterAll(async () => {
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

describe('potluck mcp over stdio', () => {
  it('writes nothing but JSON-RPC on stdout', async () => {
    const child = spawnTracked(process.execPath, [bin, 'mcp'], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    const init = {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'raw', version: '1' },
    };
    child.stdin?.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: init })}\n`);
    child.stdin?.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    child.stdin?.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' })}\n`);
    child.stdin?.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
  }, 60_000);

  it('gives a guest without POTLUCK_API_KEY the catalogue and read-only tools, and UNAUTHENTICATED for writes', async () => {
    await session(null, async (guest) => {
      expect((await guest.listTools()).tools.length).toBeGreaterThan(10);
      expect((await guest.listPrompts()).prompts.length).toBe(2);
      expect((await guest.listResourceTemplates()).resourceTemplates.length).toBeGreaterThanOrEqual(2);
      expect(await callOk(guest, 'list_datanets')).toEqual({ datanets: [] });
      const write = await callError(guest, 'create_datanet', { name: 'Guest Net' });
      expect(write).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/POTLUCK_API_KEY/),
      });
      expect(await callError(guest, 'get_balance')).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  }, 60_000);

  it('refuses to start with a wrong POTLUCK_API_KEY instead of falling back to a guest', () => {
    const r = spawnSync(process.execPath, [bin, 'mcp'], {
      cwd: root,
      env: { ...env, POTLUCK_API_KEY: 'pl_0000000000000000_wrong' },
      encoding: 'utf8',
      input: '',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/POTLUCK_API_KEY was refused/);
  }, 60_000);

  it('runs the whole story across sessions: contribute, two validator keys vote, train, publish, invoke, receipt, rewards', async () => {
    const { datanetId, contributionId } = await session(keys.poet, async (poet) => {
      await callOk(poet, 'request_faucet', { idempotencyKey: 'seed' });
      const { datanet } = await callOk(poet, 'create_datanet', {
        name: 'Stdio Verse',
        languages: ['en'],
        quorumVotes: 2,
      });
      const text =
        'Autumn leaves drift over the old stone bridge while the evening bells ring across the valley.';
      const r = await callOk(poet, 'contribute', { datanetId: datanet.id, text, idempotencyKey: 'p1' });
      const own = await callError(poet, 'vote', {
        contributionId: r.accepted[0].contributionId,
        approve: true,
      });
      expect(own.code).toBe('FORBIDDEN');
      return { datanetId: datanet.id as string, contributionId: r.accepted[0].contributionId as string };
    });
    for (const key of [keys.v1, keys.v2]) {
      await session(key, async (v) => {
        await callOk(v, 'request_faucet', { idempotencyKey: 'seed' });
        await callOk(v, 'stake_as_validator', {
          datanetId,
          amount: (10n * TOKEN).toString(),
          idempotencyKey: 's',
        });
        await callOk(v, 'vote', { contributionId, approve: true });
      });
    }
    const modelId = await session(keys.poet, async (poet) => {
      const read = await poet.readResource({ uri: `potluck://contributions/${contributionId}` });
      expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ status: 'approved' });
      const { run } = await callOk(poet, 'start_training_run', {
        datanetId,
        waitSeconds: 120,
        idempotencyKey: 't1',
      });
      expect(run.status).toBe('succeeded');
      const { model } = await callOk(poet, 'publish_model', {
        runId: run.id,
        name: 'Stdio Verse v1',
        pricePerCall: TOKEN.toString(),
        split: { developerBps: 5000, dataBps: 3000, validatorsBps: 1000, protocolBps: 1000 },
        idempotencyKey: 'm1',
      });
      return model.id as string;
    });
    const receiptId = await session(keys.v1, async (v) => {
      const paid = await callOk(v, 'invoke_model', {
        modelId,
        prompt: 'Autumn leaves drift',
        idempotencyKey: 'q1',
      });
      expect(paid.receipt.attribution.contributions[0].contributionId).toBe(contributionId);
      return paid.receipt.receiptId as string;
    });
    await session(keys.poet, async (poet) => {
      const read = await poet.readResource({ uri: `potluck://receipts/${receiptId}` });
      expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({
        fee: TOKEN.toString(),
        private: null,
      });
      const rewards = await callOk(poet, 'get_rewards');
      expect(BigInt(rewards.earnedByRole.developer)).toBeGreaterThan(0n);
      expect(BigInt(rewards.earnedByRole.contributor)).toBeGreaterThan(0n);
    });
  }, 240_000);

  it('serves Streamable HTTP with `potluck mcp --http` and stops cleanly on SIGTERM', async () => {
    const child = spawnTracked(process.execPath, [bin, 'mcp', '--http'], {
      cwd: root,
      env: { ...env, HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on('data', (d) => {
        err += d;
        const m = /at (http:\/\/\S+\/mcp)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
    });
    const client = await connectHttp(url, keys.poet);
    expect((await callOk(client, 'list_datanets', { search: 'Stdio' })).datanets).toHaveLength(1);
    await client.close();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('is usable from the MCP Inspector CLI: lists the tools and calls one', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [inspector, '--cli', process.execPath, bin, 'mcp', ...args], {
        cwd: root,
        env: { ...env, POTLUCK_API_KEY: keys.poet },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const listed = run('--method', 'tools/list');
    expect(listed.status, listed.stderr).toBe(0);
    const names = JSON.parse(listed.stdout).tools.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['list_datanets', 'contribute', 'vote', 'get_balance']));
    const called = run(
      '--method',
      'tools/call',
      '--tool-name',
      'list_datanets',
      '--tool-arg',
      'search=Stdio',
    );
    expect(called.status, called.stderr).toBe(0);
    expect(JSON.parse(called.stdout).structuredContent.datanets[0]).toMatchObject({ name: 'Stdio Verse' });
  }, 120_000);
});
