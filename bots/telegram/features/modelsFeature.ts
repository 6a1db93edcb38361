import { Composer, InlineKeyboard } from 'grammy';
import type { App } from '../../../src/app.ts';
import { badInput } from '../../../src/errors.ts';
import type { Model } from '../../../src/models/modelStore.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { PotluckContext } from '../context.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { block, type Html, html, joinHtml, text } from '../render/html.ts';
import { renderFullReceipt, renderReceiptSummary } from '../render/renderReceipt.ts';
import { replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

function renderModelLine(m: Model, tr: Translator): Html {
  const pct = (bps: number) => tr.figure(`${bps / 100}%`);
  const split = tr.t('receipt-parts', {
    developer: pct(m.split.developerBps),
    data: pct(m.split.dataBps),
    validators: pct(m.split.validatorsBps),
    protocol: pct(m.split.protocolBps),
  });
  return html`• <b>${m.name}</b> (#${m.id}) — ${ht(tr, 'models-line', { price: formatAmount(m.pricePerCall, { tr }), calls: m.usage.calls })}
  ${text(split)}`;
}

/**
 * "/ask Verse Weaver the river at night": model names may have spaces, so the model is the
 * longest published name (or an id) the text starts with; on a line of its own it is the first line.
 */
async function splitModelAndPrompt(app: App, input: string): Promise<{ model: string; prompt: string }> {
  const trimmed = input.trim();
  const newline = trimmed.indexOf('\n');
  if (newline > 0)
    return { model: trimmed.slice(0, newline).trim(), prompt: trimmed.slice(newline + 1).trim() };
  const lower = trimmed.toLowerCase();
  const names = (await app.models.list({ limit: 100 })).flatMap((m) => [m.name, m.id]);
  const match = names
    .filter((n) => lower.startsWith(`${n.toLowerCase()} `))
    .sort((a, b) => b.length - a.length)[0];
  const model = match ?? trimmed.split(/\s+/)[0];
  return { model, prompt: trimmed.slice(model.length).trim() };
}

/** /models lists what can be asked; /ask pays for an answer and shows its receipt. */
export function modelsFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();

  feature.command('models', async (ctx) => {
    const { tr } = ctx.potluck;
    const models = await ctx.potluck.app.models.list({ limit: 25 });
    await replyHtml(
      ctx,
      models.length
        ? html`🤖 <b>${text(tr.t('models-title'))}</b>\n${joinHtml(models.map((m) => renderModelLine(m, tr)))}\n\n${text(tr.t('ask-usage'))}`
        : text(tr.t('models-none')),
    );
  });

  feature.command('ask', async (ctx) => {
    const { app, idempotencyKey, tr } = ctx.potluck;
    const { model: name, prompt } = await splitModelAndPrompt(
      app,
      typeof ctx.match === 'string' ? ctx.match : '',
    );
    if (!name || !prompt) throw badInput(tr.t('ask-usage'));
    const model = await app.models.get({ model: name });
    await ctx.replyWithChatAction('typing').catch(() => {});
    // The update's key: a redelivered /ask returns the same receipt and is charged once.
    const result = await app.inference.invoke({
      accountId: await ctx.potluck.accountId(),
      modelId: model.id,
      prompt,
      idempotencyKey,
    });
    const answer = result.answer.trim()
      ? block(result.answer, 2500)
      : result.receipt.stopReason === 'no_context'
        ? html`<i>${text(tr.t('tg-answer-no-context'))}</i>`
        : html`<i>${text(tr.t('tg-answer-empty'))}</i>`;
    await replyHtml(
      ctx,
      html`🤖 <b>${model.name}</b>
<blockquote>${answer}</blockquote>
${renderReceiptSummary(result.receipt, tr)}${result.replayed ? html`\n<i>${text(tr.t('tg-answer-replayed'))}</i>` : ''}`,
      {
        reply_markup: new InlineKeyboard().text(
          tr.t('tg-full-receipt-button'),
          `rc:${result.receipt.receiptId}`,
        ),
      },
    );
  });

  // Receipts are public (who got paid for what); the prompt and answer stay with the caller.
  feature.callbackQuery(/^rc:(\d{1,19})$/, async (ctx) => {
    const receipt = await ctx.potluck.app.inference.getReceipt({ receiptId: ctx.match[1] });
    // A new message: the answer it belongs to stays on screen above it.
    const page = `${ctx.potluck.app.config.walletPage.publicUrl}/receipts/${receipt.receiptId}`;
    await replyHtml(ctx, renderFullReceipt(receipt, page));
    await ctx.answerCallbackQuery();
  });
  return feature;
}
