import { describe, expect, it } from 'vitest';
import type { EarningsSince } from '../../../src/rewards/listEarningsSince.ts';
import { translator } from '../../i18n/translator.ts';
import { renderEarningsNotification } from './renderEarningsNotification.ts';

const T = 10n ** 18n;
const earned: EarningsSince = {
  total: 3n * T + T / 2n,
  byRole: { contributor: 3n * T, validator: T / 2n },
  bySource: [],
  count: 3,
  entries: [],
  hasMore: false,
  cursor: '9',
};

describe('earnings notification', () => {
  it('reads as before in English, with a plural', () => {
    expect(renderEarningsNotification(earned).text).toBe(
      '🔔 You earned <b>3.5 POT</b> (3 payouts)\nas contributor 3 POT · as validator 0.5 POT\nSee /rewards for your balance. Turn these off with /notify off.',
    );
    expect(renderEarningsNotification({ ...earned, count: 1 }).text).toContain('(1 payout)');
  });

  it('speaks Persian with Persian digits', () => {
    const text = renderEarningsNotification(earned, translator('fa')).text;
    expect(text).toContain('🔔 \u2068<b>۳٫۵ POT</b>\u2069 درآمد داشتید (\u2068\u2068۳\u2069 پرداخت\u2069)');
    expect(text).toContain('به‌عنوان مشارکت‌کننده ۳ POT · به‌عنوان اعتبارسنج ۰٫۵ POT');
  });
});
