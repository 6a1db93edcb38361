import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { loadTestServices } from '../src/config.ts';

/**
 * The yardstick: PostgreSQL's own pgbench TPC-B on the same server and in the same run as the other
 * benchmarks, so figures can be given as ratios of it. Runs only when TEST_DATABASE_URL names a
 * server and pgbench is on PATH; otherwise says why on stderr and prints nothing. Uses a scratch
 * database of its own, dropped afterwards. Scale 10 (more branches than clients, so the clients do
 * not queue on one branch row), 8 clients on 2 threads, 15 s.
 */
const url = loadTestServices().databaseUrl;
// Same line format as bench/_support.ts, which is not imported because it loads the app harness.
const emit = (bench: string, metric: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ bench, metric, value: Number(value.toFixed(3)), unit })}\n`);
const CLIENTS = 8;
const SECONDS = 15;

function pgbench(args: string[], timeoutMs: number): string {
  const r = spawnSync('pgbench', args, { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  if (r.error) throw r.error;
  if (r.status !== 0)
    throw new Error(`pgbench ${args[0]} exited ${r.status}: ${r.stderr.trim().slice(-500)}`);
  return `${r.stdout}\n${r.stderr}`;
}

if (!url) {
  process.stderr.write('pgbench: skipped, TEST_DATABASE_URL names no PostgreSQL server\n');
} else if (spawnSync('pgbench', ['--version']).status !== 0) {
  process.stderr.write('pgbench: skipped, pgbench is not on PATH\n');
} else {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `potluck_pgbench_${randomBytes(4).toString('hex')}`;
  try {
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    pgbench(['-i', '-q', '-s', '10', target.toString()], 300_000);
    const out = pgbench(
      ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), target.toString()],
      (SECONDS + 60) * 1000,
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    const latency = /latency average = ([\d.]+) ms/.exec(out);
    if (!tps) throw new Error(`pgbench printed no tps line: ${out.slice(-500)}`);
    emit('pgbench', `tpcb_tps_${CLIENTS}_clients`, Number(tps[1]), 'transactions/s');
    if (latency) emit('pgbench', `tpcb_latency_avg_${CLIENTS}_clients`, Number(latency[1]), 'ms');
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
