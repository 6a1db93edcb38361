import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs every benchmark (or those named: `npm run bench -- ingest ledger`) in its own process, so
 * one benchmark's memory and JIT state never colour another's. Each prints JSON lines
 * {"bench","metric","value","unit"} on stdout.
 */
const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
let failed = 0;
for (const name of benches) {
  process.stderr.write(`# bench ${name}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed += 1;
}
process.exitCode = failed ? 1 : 0;
