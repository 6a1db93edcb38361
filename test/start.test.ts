import { type ChildProcess, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/openDatabase.ts';
import { isRunning, killSpawned, spawnTracked } from './support/spawnTracked.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-start-'));
// Embedded defaults: no service variables, whatever the test run itself was given.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, POTLUCK_DATA_DIR: dataDir, HTTP_PORT: '0' };

afterEach(killSpawned);

/** A preload that blocks the process this long before anything else loads (Atomics.wait: no CPU). */
const PRELOAD_DELAY_MS = 8000;
const slowPreload = path.join(dataDir, 'slow-preload.mjs');
fs.writeFileSync(
  slowPreload,
  `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${PRELOAD_DELAY_MS});\n`,
);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `potluck start`, or with `viaNpm` the way a process manager runs it: `npm start` in its own process group. */
function startService(
  options: { viaNpm?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = options.viaNpm
    ? spawnTracked('npm', ['start'], {
        cwd: root,
        env: options.env ?? env,
        stdio: ['ignore', 'pipe', 'pipe'],
        group: true,
      })
    : spawnTracked(process.execPath, [bin, 'start'], {
        cwd: root,
        env: options.env ?? env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not become ready:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      const m = /http\s+(http:\/\/\S+)/.exec(out);
      if (m && out.includes('Ready in')) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited early with ${code}:\n${out}`));
    });
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('potluck start', () => {
  it('comes up on embedded defaults, stops cleanly on SIGTERM, and keeps its data across restarts', async () => {
    const created = spawnSync(process.execPath, [bin, 'agent', 'create', 'restart-check'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(created.status, created.stderr).toBe(0);
    const accountId = /Agent account (\d+) created/.exec(created.stdout)?.[1];
    expect(accountId).toBeDefined();

    for (let round = 0; round < 2; round++) {
      // The second start is held up before any of our modules load: "Ready in" must count that too.
      const { child, url, output } = await startService(
        round === 1 ? { env: { ...env, NODE_OPTIONS: `--import ${pathToFileURL(slowPreload)}` } } : {},
      );
      if (round === 1) {
        const readyMs = Number(/Ready in (\d+) ms/.exec(output())?.[1]);
        expect(readyMs).toBeGreaterThanOrEqual(PRELOAD_DELAY_MS);
      }
      expect(output()).toContain('embedded PGlite');
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status, await ready.clone().text()).toBe(200);
      expect(((await ready.json()) as { checks: unknown }).checks).toMatchObject({
        database: { ok: true },
        chain: { ok: true },
      });
      expect(await (await fetch(`${url}/metrics`)).text()).toMatch(
        /^potluck_outbox_oldest_unconfirmed_seconds /m,
      );
      if (round === 0) {
        // The data directory is locked while the service runs: a second process is refused, not corrupting it.
        const second = spawnSync(process.execPath, [bin, 'migrate'], {
          cwd: root,
          env,
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(second.status).toBe(1);
        expect(second.stderr).toMatch(/in use by another potluck process/);
      }
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output()).toContain('Stopped cleanly.');
    }

    const db = await openDatabase({ pgliteDataDir: path.join(dataDir, 'pgdata') });
    try {
      const rows = await db.sql`select display_name from accounts where id = ${accountId!}`;
      expect(rows[0]?.display_name).toBe('restart-check');
    } finally {
      await db.close();
    }
  }, 180_000);

  it('stops the whole service when a process manager sends SIGTERM to `npm start`', async () => {
    const npmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-npm-start-'));
    try {
      const npmEnv = { ...env, POTLUCK_DATA_DIR: npmDir };
      const { child, url, output } = await startService({ viaNpm: true, env: npmEnv });
      const lock = path.join(npmDir, 'pgdata', 'potluck.lock');
      const servicePid = Number(fs.readFileSync(lock, 'utf8'));
      expect(isRunning(servicePid)).toBe(true);

      const npmExit = exitOf(child);
      process.kill(child.pid!, 'SIGTERM');
      await npmExit;
      // The service itself stops (not only npm), cleanly, and lets go of its port and data folder.
      await expect.poll(() => isRunning(servicePid), { timeout: 60_000, interval: 200 }).toBe(false);
      await expect.poll(output).toContain('Stopped cleanly.');
      expect(fs.existsSync(lock)).toBe(false);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
      const db = await openDatabase({ pgliteDataDir: path.join(npmDir, 'pgdata') });
      await db.close();
    } finally {
      fs.rmSync(npmDir, { recursive: true, force: true });
    }
  }, 180_000);
});
