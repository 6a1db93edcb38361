/**
 * Throughput of the per-item checks pipeline on ~300-character poems, one core:
 *   npx tsx src/contributions/checks/measureChecks.ts [items per round]
 * Not a test: timings depend on the machine, so it only prints. Target: >= 5,000 items/s, i.e.
 * <= 200 µs per item. Persian and English are reported apart because Persian usually skips franc
 * (see detectLanguage), so the English figure is the worst case.
 */
import { performance } from 'node:perf_hooks';
import { contentHash } from './contentHash.ts';
import { lshBandKeys } from './lshBandKeys.ts';
import { minhashSignature } from './minhashSignature.ts';
import { normalizeText } from './normalizeText.ts';
import { runAutomaticChecks } from './runAutomaticChecks.ts';
import { samplePoem } from './samplePoems.ts';
import { serializeSignature } from './serializeSignature.ts';

const count = Number(process.argv[2] ?? 20_000);
const options = { allowedLanguages: ['fa', 'en'], maxBytes: 64 * 1024, minChars: 40 };

// Raw input as a contributor might paste it: CRLF line ends, trailing spaces, a BOM.
function rawItems(pick: (i: number) => 'fa' | 'en'): string[] {
  return Array.from({ length: 2_000 }, (_, i) => {
    const poem = samplePoem(pick(i), i + 1);
    return `\uFEFF${poem.replaceAll('\n', '  \r\n')}\r\n`;
  });
}
const sets: Array<[string, string[]]> = [
  ['mixed', rawItems((i) => (i % 2 === 0 ? 'fa' : 'en'))],
  ['Persian', rawItems(() => 'fa')],
  ['English', rawItems(() => 'en')],
];

const stages = [
  'normalizeText',
  'contentHash',
  'minhashSignature',
  'lshBandKeys+serialize',
  'runAutomaticChecks',
];
const spent = new Float64Array(stages.length);
let sink = 0;

function runOne(raw: string, timed: boolean): void {
  let t = timed ? performance.now() : 0;
  const lap = (stage: number) => {
    if (!timed) return;
    const now = performance.now();
    spent[stage] += now - t;
    t = now;
  };
  const text = normalizeText(raw);
  lap(0);
  const hash = contentHash(text);
  lap(1);
  const sig = minhashSignature(text);
  lap(2);
  const keys = lshBandKeys(sig);
  const bytes = serializeSignature(sig);
  lap(3);
  const checks = runAutomaticChecks(text, options);
  lap(4);
  sink += hash.length + keys.length + bytes.length + checks.score;
}

/** Wall and CPU (user + system) milliseconds for n items. CPU time is the fairer per-core figure
 * on a shared machine, where other processes stretch wall time. */
function time(items: string[], n: number, timed: boolean): { wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) runOne(items[i % items.length], timed);
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}

for (const [, items] of sets) time(items, 5_000, false); // warm-up: JIT, lazy character tables

console.log(`${count} items per round, best of 5 rounds (interference only ever adds time)`);
let worstCpuUs = 0;
for (const [name, items] of sets) {
  const rounds = Array.from({ length: 5 }, () => time(items, count, false));
  const cpuUs = (Math.min(...rounds.map((r) => r.cpuMs)) * 1000) / count;
  const wallUs = (Math.min(...rounds.map((r) => r.wallMs)) * 1000) / count;
  worstCpuUs = Math.max(worstCpuUs, cpuUs);
  const length = Math.round(items.reduce((s, x) => s + x.length, 0) / items.length);
  console.log(
    `${name.padEnd(8)} (${length} chars): CPU ${cpuUs.toFixed(1)} µs/item = ${Math.round(1e6 / cpuUs)}/s,` +
      ` wall ${wallUs.toFixed(1)} µs/item`,
  );
}

time(sets[0][1], count, true);
const stagedTotal = spent.reduce((a, b) => a + b, 0);
console.log('stages on the mixed set (separate pass, wall time, timer overhead included):');
for (let s = 0; s < stages.length; s++) {
  const us = (spent[s] * 1000) / count;
  console.log(
    `  ${stages[s].padEnd(24)} ${us.toFixed(1).padStart(7)} µs  ${((100 * spent[s]) / stagedTotal).toFixed(0)}%`,
  );
}
console.log(worstCpuUs <= 200 ? 'target met (<= 200 µs/item on every set)' : 'TARGET MISSED (> 200 µs/item)');
if (sink === 0) console.log('unreachable; keeps the work observable');
