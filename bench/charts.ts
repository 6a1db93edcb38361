import { translator } from '../bots/i18n/translator.ts';
import { earningsChart } from '../bots/shared/charts.ts';
import type { EarningsOverTime } from '../src/ledger/getEarningsOverTime.ts';
import { TOKEN } from '../test/support/fixtures.ts';
import { emit, percentile } from './_support.ts';

/**
 * What a /chart costs the bot process: the first chart (loads vega, vega-lite and resvg), then
 * warm renders of a 30-day earnings chart (vega-lite → SVG → 1280×640 PNG), and the PNG's size.
 */
const RUNS = 40;
const days = Array.from({ length: 30 }, (_, i) => {
  const day = new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10);
  const byRole = { contributor: BigInt(i) * TOKEN, validator: (BigInt(i % 7) * TOKEN) / 3n, developer: 0n };
  return { day, byRole, total: byRole.contributor + byRole.validator };
});
const data: EarningsOverTime = {
  accountId: '1',
  from: days[0].day,
  to: days[29].day,
  days,
  totalByRole: {
    contributor: days.reduce((s, d) => s + d.byRole.contributor, 0n),
    validator: days.reduce((s, d) => s + d.byRole.validator, 0n),
    developer: 0n,
  },
  total: days.reduce((s, d) => s + d.total, 0n),
};

for (const language of ['en', 'fa'] as const) {
  const tr = translator(language);
  const t0 = performance.now();
  const first = await earningsChart(data, tr);
  if (language === 'en') emit('charts', 'first_render_ms', performance.now() - t0, 'ms');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await earningsChart(data, tr);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  emit('charts', `render_p50_ms_${language}`, percentile(times, 50), 'ms');
  emit('charts', `render_p99_ms_${language}`, percentile(times, 99), 'ms');
  emit('charts', `png_kib_${language}`, first.chart.png.length / 1024, 'KiB');
}
