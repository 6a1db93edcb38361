import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');

afterEach(killSpawned);

describe('create_agent_key over MCP', () => {
  let t: TestApp;
  let http: HttpServer;
  beforeAll(async () => {
    t = await createTestApp({}, { chain: false });
    http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await http?.close();
    await t?.cleanup();
  });

  it('makes a new key for the caller’s own account that works at once, and takes no account id', async () => {
    const agent = await t.app.accounts.createAgent({ name: 'first key' });
    const client = await connectHttp(`${http.url}/mcp`, agent.apiKey);
    const made = await callOk(client, 'create_agent_key', { name: 'second machine' });
    expect(made.apiKey).toMatch(/^pl_/);
    expect(made.apiKey).not.toBe(agent.apiKey);
    await client.close();

    const second = await connectHttp(`${http.url}/mcp`, made.apiKey);
    expect((await callOk(second, 'get_balance')).accountId).toBe(agent.accountId);
    // Strict input: no way to name somebody else's account.
    expect(await callError(second, 'create_agent_key', { accountId: '1' })).toMatchObject({
      message: expect.stringMatching(/accountId/),
    });
    await second.close();
  });
});

describe('onboarding while `potluck start` holds the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-onboard-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-onboard-home-'));
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('tells a second CLI or stdio MCP process why and where to go, and the HTTP route makes keys', async () => {
    // Embedded defaults, whatever the test run itself was given; any free port, as the banner says.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      POTLUCK_DATA_DIR: dataDir,
      HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const created = spawnSync(process.execPath, [bin, 'agent', 'create', 'before start'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(created.status, created.stderr).toBe(0);
    const firstKey = /API key[^:]*: (\S+)/.exec(created.stdout)![1];

    const service = spawnTracked(process.execPath, [bin, 'start'], { cwd: root, env, stdio: 'pipe' });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        out += d;
        if (out.includes('Ready in')) resolve();
      };
      service.stdout?.on('data', onData);
      service.stderr?.on('data', onData);
      service.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${out}`)));
    });
    const servicePid = Number(fs.readFileSync(path.join(dataDir, 'pgdata', 'potluck.lock'), 'utf8'));
    const endpoint = `${/http\s+(http:\/\/\S+)/.exec(out)![1]}/mcp`;

    // The CLI names the holder and the way round it, instead of a bare refusal.
    const second = spawnSync(process.execPath, [bin, 'agent', 'create', 'while running'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`pid ${servicePid}`);
    // The endpoint the service really listens on, though this process was told only "any port".
    expect(second.stderr).toContain(endpoint);
    expect(second.stderr).toContain('create_agent_key');

    // An MCP client starting `potluck mcp` gets the same reason, not only "Connection closed".
    const client = new Client({ name: 'onboarding-test', version: '1.0.0' });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, 'mcp'],
      cwd: root,
      env: { ...env, POTLUCK_API_KEY: firstKey },
      stderr: 'pipe',
    });
    const refused = await client.connect(transport).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    await client.close();
    expect(refused).toContain(`pid ${servicePid}`);
    expect(refused).toContain('create_agent_key');
    expect(refused).toContain(endpoint);

    // The running service makes the next key over HTTP.
    const http = await connectHttp(endpoint, firstKey);
    const made = await callOk(http, 'create_agent_key', { name: 'while running' });
    await http.close();
    const withNewKey = await connectHttp(endpoint, made.apiKey);
    expect((await callOk(withNewKey, 'get_balance')).accountId).toMatch(/^\d+$/);
    await withNewKey.close();

    const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
    service.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'service.json'))).toBe(false);
  }, 240_000);
});
