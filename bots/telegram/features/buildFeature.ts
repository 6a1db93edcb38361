import { Composer, InlineKeyboard } from 'grammy';
import type { App } from '../../../src/app.ts';
import { badInput, isAppError } from '../../../src/errors.ts';
import { parseTokens } from '../../../src/shared/amount.ts';
import type { TrainingRun } from '../../../src/training/trainingRunStore.ts';
import type { Translator } from '../../i18n/translator.ts';
import type { PotluckContext } from '../context.ts';
import { formatAmount } from '../render/formatAmount.ts';
import { type Html, html, text } from '../render/html.ts';
import { editHtml, replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';

const argOf = (ctx: PotluckContext) => (typeof ctx.match === 'string' ? ctx.match.trim() : '');

/** "40/40/10/10" (percent, developer/data/validators/protocol) → basis points; the use case checks the sum. */
function parseSplit(input: string, tr: Translator) {
  const parts = input.split('/').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p) || p < 0)) {
    throw badInput(tr.t('tg-split-invalid'));
  }
  const [developerBps, dataBps, validatorsBps, protocolBps] = parts.map((p) => Math.round(p * 100));
  return { developerBps, dataBps, validatorsBps, protocolBps };
}

async function renderRun(app: App, run: TrainingRun, tr: Translator): Promise<Html> {
  const datanet = await app.datanets.get({ datanet: run.datanetId });
  const line = ht(tr, 'tg-run-line', {
    id: run.id,
    datanet: datanet.name,
    status: text(tr.t('tg-run-status', { status: run.status })),
    percent: tr.figure(`${Math.round(run.progress * 100)}%`),
    count: run.contributionCount,
  });
  const next =
    run.status === 'succeeded'
      ? html`\n${ht(tr, 'tg-run-publish-next', { id: run.id })}`
      : run.status === 'failed' && run.error
        ? html`\n${ht(tr, 'tg-run-failed', { error: run.error })}`
        : '';
  return html`🏋️ ${line}${next}`;
}

const refreshButton = (runId: string, tr: Translator) =>
  new InlineKeyboard().text(tr.t('tg-run-refresh'), `tr:${runId}`);

/**
 * /newdatanet, /train and /publish: the same use cases as Discord and MCP, which decide who may
 * (role rules on the account, the same on every surface). The update's key makes a redelivered
 * /train or /publish the same run or model.
 */
export function buildFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();

  feature.command('newdatanet', async (ctx) => {
    const { app, tr } = ctx.potluck;
    const [first = '', ...rest] = argOf(ctx).split('\n');
    if (!first.trim()) throw badInput(tr.t('menu-newdatanet-usage'));
    const d = await app.datanets.create({
      ownerAccountId: await ctx.potluck.accountId(),
      name: first.trim(),
      description: rest.join('\n').trim(),
    });
    await replyHtml(ctx, html`📚 ${ht(tr, 'tg-datanet-created', { name: d.name, id: d.id })}`);
  });

  feature.command('train', async (ctx) => {
    const { app, idempotencyKey, tr } = ctx.potluck;
    const name = argOf(ctx);
    if (!name) throw badInput(tr.t('menu-train-usage'));
    const datanet = await app.datanets.get({ datanet: name });
    const { run, replayed } = await app.training.start({
      accountId: await ctx.potluck.accountId(),
      datanetId: datanet.id,
      idempotencyKey,
    });
    const body = await renderRun(app, run, tr);
    await replyHtml(ctx, replayed ? html`${body}\n<i>${text(tr.t('tg-run-replayed'))}</i>` : body, {
      reply_markup: refreshButton(run.id, tr),
    });
  });

  // Training runs are public (Discord shows their progress in the channel): anyone may refresh.
  feature.callbackQuery(/^tr:(\d{1,19})$/, async (ctx) => {
    const { app, tr } = ctx.potluck;
    const run = await app.training.get({ runId: ctx.match[1] });
    await editHtml(ctx, await renderRun(app, run, tr), {
      reply_markup:
        run.status === 'queued' || run.status === 'running' ? refreshButton(run.id, tr) : undefined,
    });
    await ctx.answerCallbackQuery();
  });

  feature.command('publish', async (ctx) => {
    const { app, idempotencyKey, tr } = ctx.potluck;
    const [runId, price, split, ...name] = argOf(ctx).split(/\s+/);
    if (!runId || !price || !split || name.length === 0) throw badInput(tr.t('menu-publish-usage'));
    let pricePerCall: bigint;
    try {
      pricePerCall = parseTokens(price);
    } catch (error) {
      if (isAppError(error)) throw badInput(`${error.message} ${tr.t('menu-publish-usage')}`);
      throw error;
    }
    const { model, replayed } = await app.models.publish({
      accountId: await ctx.potluck.accountId(),
      runId: runId.replace(/^#/, ''),
      name: name.join(' '),
      pricePerCall,
      split: parseSplit(split, tr),
      idempotencyKey,
    });
    const done = ht(tr, 'tg-model-published', {
      name: model.name,
      id: model.id,
      price: formatAmount(model.pricePerCall, { tr }),
    });
    await replyHtml(
      ctx,
      replayed ? html`🤖 ${done}\n<i>${text(tr.t('tg-model-replayed'))}</i>` : html`🤖 ${done}`,
    );
  });
  return feature;
}
