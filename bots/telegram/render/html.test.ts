import { describe, expect, it } from 'vitest';
import { checkTelegramHtml } from '../../../test/fakeTelegram/checkTelegramHtml.ts';
import { formatAmount } from './formatAmount.ts';
import { block, html, inline, joinHtml, truncate } from './html.ts';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';

describe('telegram HTML rendering', () => {
  it('escapes every interpolated string, so user content can never become markup', () => {
    const name = '<b>bold</b> & "quoted"';
    const out = html`<b>Datanet</b> ${name}`.text;
    expect(out).toBe(`<b>Datanet</b> ${FSI}&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;${PDI}`);
    expect(checkTelegramHtml(out)).toBeNull();
    // The fake refuses what Telegram would: the same text unescaped.
    expect(checkTelegramHtml(`<b>Datanet</b> ${name}`)).toMatch(/unsupported start tag|unmatched/);
  });

  it('isolates an RTL name inside an LTR line, so the numbers beside it keep their order', () => {
    const line = html`• <b>${'شعر فارسی'}</b> (#12) — 3 approved`.text;
    expect(line).toBe(`• <b>${FSI}شعر فارسی${PDI}</b> (#12) — 3 approved`);
    // Ids and counts are left alone: nothing to isolate, nothing invisible to copy.
    expect(html`#${'42'}`.text).toBe('#42');
  });

  it('removes bidi overrides and isolates from user text, so none can leak past its run', () => {
    const spoof = `${RLO}gpj.exe`;
    expect(inline(spoof).text).toBe(`${FSI}gpj.exe${PDI}`);
    expect(inline(`a${PDI}${PDI}b\u2066c`).text).toBe(`${FSI}abc${PDI}`);
    // Marks stay: they cannot reorder anything outside the run.
    expect(inline('\u200Fنام').text).toBe(`${FSI}\u200Fنام${PDI}`);
  });

  it('keeps a poem as lines of its own, each aligned by its own script', () => {
    const poem =
      'باران به روی بام‌های شهر می‌بارد\r\nو کوچه‌ها بوی خاک تازه می‌دهند.\nThe river keeps a ledger <of> the rain';
    const out = html`<blockquote>${block(poem)}</blockquote>`.text;
    expect(out.split('\n')).toEqual([
      '<blockquote>باران به روی بام‌های شهر می‌بارد',
      'و کوچه‌ها بوی خاک تازه می‌دهند.',
      'The river keeps a ledger &lt;of&gt; the rain</blockquote>',
    ]);
    expect(checkTelegramHtml(out)).toBeNull();
  });

  it('cuts long text by characters, never inside a surrogate pair or an entity', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    const cut = block('&'.repeat(10), 5).text;
    expect(cut).toBe('&amp;&amp;&amp;&amp;…');
    expect(checkTelegramHtml(joinHtml([block('<<<<<<', 4), inline('>>>>>>', 3)]).text)).toBeNull();
  });

  it('shows amounts in token units with sensible decimals', () => {
    const t = 10n ** 18n;
    expect(formatAmount(12n * t + t / 2n).text).toBe('12.5 POT');
    expect(formatAmount(1234567n * t).text).toBe('1,234,567 POT');
    expect(formatAmount(t / 3n).text).toBe('0.3333 POT');
    // A real payout never reads as 0.
    expect(formatAmount(7n).text).toBe('0.000000000000000007 POT');
    expect(formatAmount(2n * t, { signed: true }).text).toBe('+2 POT');
    expect(formatAmount(-2n * t).text).toBe('−2 POT');
  });
});
