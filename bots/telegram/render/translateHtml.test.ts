import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translator.ts';
import { html } from './html.ts';
import { ht } from './translateHtml.ts';

describe('catalogue messages as Telegram HTML', () => {
  it('escapes user text in arguments and keeps our markup', () => {
    const out = ht(translator('en'), 'rewards-wallet', { wallet: '<b>x</b> & "y"' });
    expect(out.text).toBe('Wallet \u2068&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;\u2069');
    const bold = ht(translator('en'), 'rewards-available', { amount: html`<b>${'1'}</b>` });
    expect(bold.text).toBe('Available: <b>1</b>');
  });

  it('drops bidi overrides from user text, and isolates arguments in Persian', () => {
    const out = ht(translator('fa'), 'rewards-wallet', { wallet: 'abc\u202Edef' });
    // Fluent's isolation around our own, around the user string's.
    expect(out.text).toBe('کیف پول \u2068\u2068abcdef\u2069\u2069');
  });

  it('writes numbers in the language’s digits', () => {
    expect(ht(translator('fa'), 'history-page', { page: 2, pages: 12 }).text).toBe(
      'صفحهٔ \u2068۲\u2069 از \u2068۱۲\u2069',
    );
    expect(ht(translator('en'), 'history-page', { page: 2, pages: 12 }).text).toBe('page 2 of 12');
  });

  it('cannot be tricked by a placeholder-looking argument', () => {
    const out = ht(translator('en'), 'receipt-parts', {
      developer: '\uE0001\uE001',
      data: html`<i>d</i>`,
      validators: 'v',
      protocol: 'p',
    });
    expect(out.text).not.toContain('<i>d</i> · data');
    expect(out.text).toContain('data <i>d</i>');
  });
});
