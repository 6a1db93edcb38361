/**
 * Throughput of the per-item checks pipeline on ~300-character poems, one core:
 *   npx tsx bench/checks.ts [items per round]  (or: npm run bench -- checks)
 * Not a test: timings depend on the machine, so it only prints. Target: >= 5,000 items/s, i.e.
 * <= 200 µs per item. Persian and English are reported apart because Persian usually skips franc
 * (see detectLanguage), so the English figure is the worst case.
 */
import { performance } from 'node:perf_hooks';
import { contentHash } from '../src/contributions/checks/contentHash.ts';
import { lshBandInt8Keys } from '../src/contributions/checks/lshBandKeys.ts';
import { minhashSignature } from '../src/contributions/checks/minhashSignature.ts';
import { normalizeText } from '../src/contributions/checks/normalizeText.ts';
import { runAutomaticChecks } from '../src/contributions/checks/runAutomaticChecks.ts';
import { serializeSignature } from '../src/contributions/checks/serializeSignature.ts';
import { samplePoem } from '../test/support/samplePoems.ts';

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
  'lshBandInt8Keys+serialize',
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
  // As prepareItem does: 20 bands as int8 keys.
  const keys = lshBandInt8Keys(sig, 20);
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

const emit = (metric: string, value: number, unit: string) =>
  process.stdout.write(
    `${JSON.stringify({ bench: 'checks', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
for (const [name, items] of sets) {
  const rounds = Array.from({ length: 5 }, () => time(items, count, false));
  // Best of 5: interference from other processes only ever adds time.
  emit(`cpu_us_per_item_${name}`, (Math.min(...rounds.map((r) => r.cpuMs)) * 1000) / count, 'us/item');
}
time(sets[0][1], count, true);
for (let s = 0; s < stages.length; s++)
  emit(`stage_us_${stages[s].replace(/\W+/g, '_')}`, (spent[s] * 1000) / count, 'us/item');
if (sink === 0) process.stderr.write('unreachable; keeps the work observable\n');
