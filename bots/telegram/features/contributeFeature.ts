import { Composer } from 'grammy';
import type { SubmitContributionsResult } from '../../../src/contributions/submitContributions.ts';
import { AppError, badInput } from '../../../src/errors.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { PotluckContext } from '../context.ts';
import { downloadFile } from '../downloadFile.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

function renderResult(datanetName: string, r: SubmitContributionsResult, tr: Translator): Html {
  const accepted = r.accepted.map((a) => `#${a.contributionId}`).join(', ');
  const near = r.accepted
    .filter((a) => a.nearDuplicateOf)
    .map(
      (a) =>
        html`• ${ht(tr, 'contribute-near', {
          id: a.contributionId,
          other: a.nearDuplicateOf ?? '',
          percent: tr.figure(`${Math.round((a.nearDuplicateSimilarity ?? 0) * 100)}%`),
        })}`,
    );
  const refused = r.refused.map(
    (f) => html`• ${ht(tr, 'contribute-refused-item', { index: f.index + 1, message: text(f.message) })}`,
  );
  return html`📥 <b>${datanetName}</b>
${
  r.accepted.length
    ? html`${ht(tr, 'contribute-accepted', { count: r.accepted.length, ids: text(accepted) })}
${ht(tr, 'contribute-deposit', { amount: formatAmount(r.depositTotal, { tr }) })}`
    : text(tr.t('contribute-none'))
}${near.length ? html`\n${joinHtml(near)}` : ''}${refused.length ? html`\n<b>${ht(tr, 'contribute-refused', { count: refused.length })}</b>\n${joinHtml(refused)}` : ''}`;
}

/** "Persian Poetry\nline one\nline two" → the datanet on the first line, the text after it. */
function splitDatanetAndText(match: string): { datanet: string; body: string } {
  const [first, ...rest] = match.split('\n');
  return { datanet: first.trim(), body: rest.join('\n').trim() };
}

/** /datanets, /contribute with text, and files sent with a datanet name as caption. */
export function contributeFeature(options: { fileTimeoutMs?: number } = {}): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();

  feature.command('datanets', async (ctx) => {
    const { tr } = ctx.potluck;
    const list = await ctx.potluck.app.datanets.list({ limit: 25 });
    const lines = list.map(
      (d) =>
        html`• <b>${d.name}</b> (#${d.id}) — ${ht(tr, 'datanets-line', {
          approved: d.counts.approved,
          pending: d.counts.pending,
          deposit: formatAmount(d.deposit, { tr }),
        })}`,
    );
    await replyHtml(
      ctx,
      lines.length
        ? html`📚 <b>${text(tr.t('datanets-title'))}</b>\n${joinHtml(lines)}\n\n${text(tr.t('contribute-usage'))}`
        : text(tr.t('datanets-none')),
    );
  });

  feature.command('contribute', async (ctx) => {
    const { datanet, body } = splitDatanetAndText(typeof ctx.match === 'string' ? ctx.match : '');
    const { app, idempotencyKey, tr } = ctx.potluck;
    if (!datanet || !body) throw badInput(tr.t('contribute-usage'));
    const found = await app.datanets.get({ datanet });
    const result = await app.contributions.submit({
      accountId: await ctx.potluck.accountId(),
      datanetId: found.id,
      idempotencyKey,
      items: [{ text: body, source: 'telegram' }],
    });
    await replyHtml(ctx, renderResult(found.name, result, tr));
  });

  feature.on('message:document', async (ctx, next) => {
    const raw = ctx.message.caption ?? '';
    // In a group, people share files with each other: only an explicit /contribute is for the bot.
    if (ctx.chat.type !== 'private' && !/^\/contribute\b/i.test(raw)) return next();
    const caption = raw.replace(/^\/contribute(@\w+)?/i, '').trim();
    const { app, idempotencyKey, tr } = ctx.potluck;
    if (!caption) throw badInput(`${tr.t('contribute-which-datanet')} ${tr.t('contribute-usage')}`);
    const found = await app.datanets.get({ datanet: caption });
    const doc = ctx.message.document;
    const limit = app.config.limits.maxFileBytes;
    if ((doc.file_size ?? 0) > limit) {
      throw new AppError('TOO_LARGE', tr.t('contribute-too-large', { kb: Math.floor(limit / 1024) }));
    }
    const content = await downloadFile(ctx, { maxBytes: limit, timeoutMs: options.fileTimeoutMs ?? 30_000 });
    const result = await app.contributions.submitFile({
      accountId: await ctx.potluck.accountId(),
      datanetId: found.id,
      filename: doc.file_name ?? 'upload.txt',
      content,
      idempotencyKey,
    });
    await replyHtml(ctx, renderResult(found.name, result, tr));
  });
  return feature;
}
