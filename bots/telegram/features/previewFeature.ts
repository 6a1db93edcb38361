import { Composer } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import type { PotluckContext } from '../context.ts';
import { block, html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';

/** /preview <datanet>: the approved data's size, languages, check-score spread and a sample. */
export function previewFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('preview', async (ctx) => {
    const { tr, app } = ctx.potluck;
    const name = (typeof ctx.match === 'string' ? ctx.match : '').trim();
    if (!name) throw badInput(tr.t('tg-preview-usage'));
    const datanet = await app.datanets.get({ datanet: name });
    const p = await app.contributions.preview({ datanetId: datanet.id, excerptChars: 200 });
    const title = html`📚 <b>${text(tr.t('preview-title', { datanet: p.datanetName }))}</b>`;
    if (p.items === 0) return replyHtml(ctx, html`${title}\n<i>${text(tr.t('preview-empty'))}</i>`);
    const max = Math.max(1, ...p.scoreBuckets);
    const histogram = p.scoreBuckets.map((n, i) => {
      const range = `${tr.number(i * 10)}–${tr.number(i === 9 ? 100 : i * 10 + 9)}`;
      return html`<code>${text(range.padEnd(7))}</code> ${text(`${'█'.repeat(Math.round((n / max) * 12)) || '·'} ${tr.number(n)}`)}`;
    });
    const sample = p.sample.map(
      (s) =>
        html`<b>${text(tr.t('preview-item', { id: s.contributionId, language: s.language, score: tr.number(s.checkScore) }))}</b>
<blockquote>${block(`${s.excerpt}${s.truncated ? '…' : ''}`)}</blockquote>`,
    );
    const languages = p.languages.map((l) => `${l.language} ${tr.number(l.items)}`).join(', ');
    await replyHtml(
      ctx,
      html`${title}
${text(tr.t('preview-size', { items: tr.number(p.items), contributors: tr.number(p.contributors), chars: tr.number(p.chars) }))}
${text(tr.t('preview-languages', { list: languages }))}

<b>${text(tr.t('preview-scores'))}</b>
${joinHtml(histogram)}

<b>${text(tr.t('preview-sample'))}</b>
${joinHtml(sample)}`,
    );
  });
  return feature;
}
