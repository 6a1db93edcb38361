import { Composer } from 'grammy';
import type { SubmitContributionsResult } from '../../../src/contributions/submitContributions.ts';
import { AppError, badInput } from '../../../src/errors.ts';
import type { PotluckContext } from '../context.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';

const USAGE =
  'Send /contribute followed by the datanet name, and your text on the next lines. Or send a .txt, .md or .jsonl file with the datanet name as its caption.';

function renderResult(datanetName: string, r: SubmitContributionsResult): Html {
  const accepted = r.accepted.map((a) => `#${a.contributionId}`).join(', ');
  const near = r.accepted
    .filter((a) => a.nearDuplicateOf)
    .map(
      (a) =>
        html`• #${a.contributionId} looks like #${a.nearDuplicateOf} (${Math.round((a.nearDuplicateSimilarity ?? 0) * 100)}% similar): validators will see it`,
    );
  const refused = r.refused.map((f) => html`• item ${f.index + 1}: ${text(f.message)}`);
  return html`📥 <b>${datanetName}</b>
${
  r.accepted.length
    ? html`Accepted ${r.accepted.length}: ${text(accepted)}, now waiting for validators.
Deposit held: ${formatAmount(r.depositTotal)} (back to you when approved).`
    : html`Nothing was accepted.`
}${near.length ? html`\n${joinHtml(near)}` : ''}${refused.length ? html`\n<b>Refused ${refused.length}</b>\n${joinHtml(refused)}` : ''}`;
}

/** "Persian Poetry\nline one\nline two" → the datanet on the first line, the text after it. */
function splitDatanetAndText(match: string): { datanet: string; body: string } {
  const [first, ...rest] = match.split('\n');
  return { datanet: first.trim(), body: rest.join('\n').trim() };
}

/** /datanets, /contribute with text, and files sent with a datanet name as caption. */
export function contributeFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();

  feature.command('datanets', async (ctx) => {
    const list = await ctx.potluck.app.datanets.list({ limit: 25 });
    const lines = list.map(
      (d) =>
        html`• <b>${d.name}</b> (#${d.id}) — ${d.counts.approved} approved, ${d.counts.pending} pending; deposit ${formatAmount(d.deposit)}`,
    );
    await replyHtml(
      ctx,
      lines.length
        ? html`📚 <b>Datanets</b>\n${joinHtml(lines)}\n\n${text(USAGE)}`
        : html`No datanets yet. They are created in Discord or over MCP.`,
    );
  });

  feature.command('contribute', async (ctx) => {
    const { datanet, body } = splitDatanetAndText(typeof ctx.match === 'string' ? ctx.match : '');
    if (!datanet || !body) throw badInput(USAGE);
    const { app, idempotencyKey } = ctx.potluck;
    const found = await app.datanets.get({ datanet });
    const result = await app.contributions.submit({
      accountId: await ctx.potluck.accountId(),
      datanetId: found.id,
      idempotencyKey,
      items: [{ text: body, source: 'telegram' }],
    });
    await replyHtml(ctx, renderResult(found.name, result));
  });

  feature.on('message:document', async (ctx, next) => {
    const raw = ctx.message.caption ?? '';
    // In a group, people share files with each other: only an explicit /contribute is for the bot.
    if (ctx.chat.type !== 'private' && !/^\/contribute\b/i.test(raw)) return next();
    const caption = raw.replace(/^\/contribute(@\w+)?/i, '').trim();
    if (!caption) throw badInput(`Which datanet is this file for? ${USAGE}`);
    const { app, config, idempotencyKey } = ctx.potluck;
    const found = await app.datanets.get({ datanet: caption });
    const doc = ctx.message.document;
    const limit = app.config.limits.maxFileBytes;
    if ((doc.file_size ?? 0) > limit) {
      throw new AppError('TOO_LARGE', `That file is larger than ${Math.floor(limit / 1024)} KB, the limit.`);
    }
    const file = await ctx.getFile();
    const res = await fetch(`${config.apiRoot}/file/bot${ctx.api.token}/${file.file_path}`);
    if (!res.ok) throw new AppError('UNAVAILABLE', 'Telegram did not hand over the file. Send it again.');
    const content = Buffer.from(await res.arrayBuffer());
    const result = await app.contributions.submitFile({
      accountId: await ctx.potluck.accountId(),
      datanetId: found.id,
      filename: doc.file_name ?? 'upload.txt',
      content,
      idempotencyKey,
    });
    await replyHtml(ctx, renderResult(found.name, result));
  });
  return feature;
}
