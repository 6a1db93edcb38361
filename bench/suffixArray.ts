import fs from 'node:fs';
import os from 'node:os';
import { buildSuffixArray } from '../src/attribution/buildSuffixArray.ts';
import { seededRandom } from '../src/attribution/seededRandom.ts';
import { VOCABULARY, zipfStream } from './_zipf.ts';

/**
 * Suffix-array build on Zipf-distributed token streams (vocabulary 50k, exponent 1), in a process
 * of its own so the kernel's peak-RSS mark (VmHWM) belongs to the build alone. Peak memory per
 * token is reported twice: the build's own (result and working arrays, above the resident input)
 * and with the 4-byte-per-token input counted. The 1-minute load average is printed last: on the
 * shared 2-core machine other work stretches wall time, so throughput reads only beside it.
 */
function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench: 'suffixArray', metric, value: Number(value.toFixed(3)), unit })}\n`,
  );
}

const random = seededRandom(2024);

function statusKb(field: 'VmRSS' | 'VmHWM'): number {
  const line = fs
    .readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number.parseInt(line.slice(field.length + 1), 10) : Number.NaN;
}

// 1. Peak memory first, while the high-water mark is still the input's.
const big = zipfStream(10_000_000, random);
const before = statusKb('VmRSS');
buildSuffixArray(big, VOCABULARY + 1);
// The mark could only be above the build's if generating the input had peaked higher; it did not.
const buildBytes = Math.max(0, statusKb('VmHWM') - before) * 1024;
emit('sa_build_peak_bytes_per_token_10m', buildBytes / big.length, 'bytes/token');
emit(
  'sa_build_peak_bytes_per_token_with_input_10m',
  (buildBytes + big.byteLength) / big.length,
  'bytes/token',
);

// 2. Throughput: best of a few runs (the first warms the JIT). CPU time is reported beside wall
// time because other work on a shared 2-core machine stretches wall time.
for (const [label, length, runs] of [
  ['1m', 1_000_000, 5],
  ['10m', 10_000_000, 3],
] as const) {
  const text = length === big.length ? big : zipfStream(length, random);
  let bestWall = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    buildSuffixArray(text, VOCABULARY + 1);
    bestWall = Math.min(bestWall, performance.now() - start);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  }
  emit(`sa_build_tokens_per_s_${label}`, length / (bestWall / 1000), 'tokens/s');
  emit(`sa_build_tokens_per_cpu_s_${label}`, length / (bestCpu / 1000), 'tokens/cpu-s');
}
emit('load_average_1m', os.loadavg()[0], 'processes');
