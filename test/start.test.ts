import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/openDatabase.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-start-'));
// Embedded defaults: no service variables, whatever the test run itself was given.
const env = { PATH: process.env.PATH, HOME: process.env.HOME, POTLUCK_DATA_DIR: dataDir, HTTP_PORT: '0' };

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function startService(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not become ready:\n${out}`)), 60_000);
    child.stdout.on('data', () => {
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
    });
    expect(created.status, created.stderr).toBe(0);
    const accountId = /Agent account (\d+) created/.exec(created.stdout)?.[1];
    expect(accountId).toBeDefined();

    for (let round = 0; round < 2; round++) {
      const { child, url, output } = await startService();
      expect(output()).toContain('embedded PGlite');
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      if (round === 0) {
        // The data directory is locked while the service runs: a second process is refused, not corrupting it.
        const second = spawnSync(process.execPath, [bin, 'migrate'], { cwd: root, env, encoding: 'utf8' });
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
});
