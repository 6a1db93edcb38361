import type { DatanetActivity } from '../../src/contributions/getDatanetActivity.ts';
import type { ReceiptView } from '../../src/inference/getReceipt.ts';
import { EARNING_ROLES } from '../../src/ledger/earningRoles.ts';
import type { EarningsOverTime } from '../../src/ledger/getEarningsOverTime.ts';
import { formatTokens } from '../../src/shared/amount.ts';
import type { Translator } from '../i18n/translator.ts';
import { type Chart, renderChart } from './renderChart.ts';

/** A picture and the same facts as text: the text is the caption, alt text and screen-reader copy. */
export interface ChartReply {
  chart: Chart;
  /** The picture's file name. */
  filename: string;
  title: string;
  /** One line per fact shown in the picture (days with nothing are left out). */
  lines: string[];
}

/**
 * The title drawn inside the picture. resvg lays SVG text out left to right and reorders a
 * Persian title that holds dates or Latin names wrongly, so right-to-left languages leave it out
 * of the picture: the caption (Telegram) and embed title (Discord) carry it, and those clients
 * lay bidirectional text out correctly.
 */
const RTL = new Set(['fa']);
const drawnTitle = (tr: Translator, title: string) => (RTL.has(tr.language) ? {} : { title });

// Base units → a plotting number; the exact amounts are in `lines`.
const asNumber = (amount: bigint | string) => Number(formatTokens(BigInt(amount), 6));

const ROLE_LABEL = {
  contributor: 'chart-role-contributor',
  validator: 'chart-role-validator',
  developer: 'chart-role-developer',
};

/** Stacked daily bars of what the reader earned, one colour per role. */
export async function earningsChart(data: EarningsOverTime, tr: Translator): Promise<ChartReply> {
  const values = data.days.flatMap((d) =>
    EARNING_ROLES.map((role) => ({
      day: d.day,
      role: tr.t(ROLE_LABEL[role]),
      amount: asNumber(d.byRole[role]),
    })),
  );
  const title = tr.t('chart-earnings-title', { from: data.from, to: data.to });
  const chart = await renderChart({
    ...drawnTitle(tr, title),
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'day', type: 'ordinal', title: tr.t('chart-axis-day'), axis: { labelAngle: -45 } },
      y: { field: 'amount', type: 'quantitative', stack: 'zero', title: tr.t('chart-axis-pot') },
      color: { field: 'role', type: 'nominal', title: tr.t('chart-axis-role') },
    },
  });
  const lines = [
    tr.t('chart-earnings-total', { amount: tr.amount(data.total) }),
    ...EARNING_ROLES.filter((r) => data.totalByRole[r] > 0n).map(
      (r) => `${tr.t(ROLE_LABEL[r])}: ${tr.amount(data.totalByRole[r])}`,
    ),
    ...data.days
      .filter((d) => d.total > 0n)
      .map(
        (d) =>
          `${d.day}: ${EARNING_ROLES.filter((r) => d.byRole[r] > 0n)
            .map((r) => `${tr.t(ROLE_LABEL[r])} ${tr.amount(d.byRole[r])}`)
            .join(', ')}`,
      ),
  ];
  return { chart, filename: `earnings-${data.to}.png`, title, lines };
}

/** Grouped daily bars: items submitted, approved and rejected in one datanet. */
export async function activityChart(data: DatanetActivity, tr: Translator): Promise<ChartReply> {
  const kinds = [
    ['submitted', tr.t('chart-activity-submitted')],
    ['approved', tr.t('chart-activity-approved')],
    ['rejected', tr.t('chart-activity-rejected')],
  ] as const;
  const values = data.days.flatMap((d) =>
    kinds.map(([k, label]) => ({ day: d.day, kind: label, items: d[k] })),
  );
  const title = tr.t('chart-activity-title', { datanet: data.datanetName, from: data.from, to: data.to });
  const chart = await renderChart({
    ...drawnTitle(tr, title),
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'day', type: 'ordinal', title: tr.t('chart-axis-day'), axis: { labelAngle: -45 } },
      xOffset: { field: 'kind', sort: kinds.map(([, l]) => l) },
      y: { field: 'items', type: 'quantitative', title: tr.t('chart-axis-items') },
      color: { field: 'kind', type: 'nominal', sort: kinds.map(([, l]) => l), title: null },
    },
  });
  const line = (v: { submitted: number; approved: number; rejected: number }) =>
    kinds.map(([k, label]) => `${label} ${tr.number(v[k])}`).join(', ');
  const lines = [
    tr.t('chart-activity-total', { counts: line(data.totals) }),
    ...data.days.filter((d) => d.submitted + d.approved + d.rejected > 0).map((d) => `${d.day}: ${line(d)}`),
  ];
  return { chart, filename: `activity-${data.datanetId}-${data.to}.png`, title, lines };
}

/** Horizontal bars: each credited contribution's share of one paid call's data part. */
export async function receiptChart(receipt: ReceiptView, tr: Translator): Promise<ChartReply> {
  const credited = [...receipt.attribution.contributions]
    .sort((a, b) => b.weight - a.weight || Number(a.contributionId) - Number(b.contributionId))
    .slice(0, 15);
  const values = credited.map((c) => ({
    contribution: `#${c.contributionId}`,
    share: Math.round(c.weight * 1000) / 10,
  }));
  const title = tr.t('chart-receipt-title', { receipt: receipt.receiptId });
  const chart = await renderChart({
    ...drawnTitle(tr, title),
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'contribution', type: 'nominal', sort: '-x', title: tr.t('chart-axis-contribution') },
      x: { field: 'share', type: 'quantitative', title: tr.t('chart-axis-share') },
    },
  });
  const lines = [
    tr.t('chart-receipt-total', {
      fee: tr.amount(BigInt(receipt.fee)),
      data: tr.amount(BigInt(receipt.parts.data)),
      count: tr.number(receipt.attribution.contributions.length),
    }),
    ...credited.map((c) =>
      tr.t('chart-receipt-line', {
        id: c.contributionId,
        share: tr.figure(`${(Math.round(c.weight * 1000) / 10).toString()}%`),
        amount: tr.amount(BigInt(c.data)),
      }),
    ),
  ];
  return { chart, filename: `receipt-${receipt.receiptId}.png`, title, lines };
}
