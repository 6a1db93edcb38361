import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emit } from './_support.ts';

/**
 * `potluck start` on embedded defaults (PGlite, embedded EVM chain, in-process jobs), the way
 * `npm start` runs it, in a temporary data folder. Ready is the moment the banner's
 * "Ready in … ms" line reaches stdout (printed after the HTTP server listens, so /health answers).
 * Measured per start:
 *  - wall_ms: from spawn (before node itself starts) to that line, as a supervisor sees it;
 *  - rss_mb: resident memory of the process and all its descendants at that moment;
 *  - settled_rss_mb: the same 3 s later, so work deferred past "ready" still shows;
 *  - cpu_ms: CPU time (user + system) the process tree had used at ready: on a shared machine this
 *    moves far less with load than wall_ms does.
 * `first`: a new data folder (PGlite creates the database, migrations, contracts deployed);
 * `warm`: the same folder again. STARTUP_RUNS pairs (default 3).
 */
// STARTUP_ROOT: another checkout to measure (a before/after comparison from one script).
const root = process.env.STARTUP_ROOT ?? path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');
const RUNS = Number(process.env.STARTUP_RUNS ?? 3);
const SETTLE_MS = 3000;

const TICK_MS = 10; // USER_HZ is 100 on Linux.

/** Resident set (MB) and CPU time used (ms) of `pid` and every process below it, from /proc. */
function treeUsage(pid: number): { rss: number; cpuMs: number } {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  let ticks = 0;
  const todo = [pid];
  while (todo.length > 0) {
    const p = todo.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone.
    }
    todo.push(...(children.get(p) ?? []));
  }
  return { rss: kb / 1024, cpuMs: ticks * TICK_MS };
}

interface Start {
  wallMs: number;
  reportedMs: number;
  rss: number;
  cpuMs: number;
  settled: number;
}

async function startOnce(dataDir: string): Promise<Start> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, POTLUCK_DATA_DIR: dataDir, HTTP_PORT: '0' };
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', (d) => {
    out += d;
  });
  const ready = await new Promise<Omit<Start, 'settled'>>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Ready in (\d+) ms/.exec(out);
      if (m) {
        const wallMs = performance.now() - started;
        resolve({ wallMs, reportedMs: Number(m[1]), ...treeUsage(child.pid as number) });
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`potluck start exited with ${code} before ready:\n${out}`)),
    );
  });
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const settled = treeUsage(child.pid as number).rss;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { ...ready, settled };
}

for (let i = 0; i < RUNS; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-startup-'));
  try {
    for (const kind of ['first', 'warm']) {
      const r = await startOnce(dataDir);
      emit('startup', `${kind}_wall_ms`, r.wallMs, 'ms');
      emit('startup', `${kind}_reported_ms`, r.reportedMs, 'ms');
      emit('startup', `${kind}_cpu_ms`, r.cpuMs, 'ms');
      emit('startup', `${kind}_rss_mb`, r.rss, 'MB');
      emit('startup', `${kind}_settled_rss_mb`, r.settled, 'MB');
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
