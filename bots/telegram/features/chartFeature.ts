import { Composer, InputFile } from 'grammy';
import { badInput } from '../../../src/errors.ts';
import { activityChart, type ChartReply, earningsChart, receiptChart } from '../../shared/charts.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { html, joinHtml, text } from '../render/html.ts';
import { replyHtml } from '../render/send.ts';

/**
 * The picture as a photo captioned with its title, then the same facts as a text message: a
 * caption holds at most 1024 characters, and the text is what screen readers and search see.
 */
async function sendChart(ctx: PotluckContext, reply: ChartReply): Promise<void> {
  await ctx.replyWithPhoto(new InputFile(reply.chart.png, reply.filename), {
    caption: html`📈 <b>${text(reply.title)}</b>`.text,
    parse_mode: 'HTML',
  });
  await replyHtml(ctx, joinHtml(reply.lines.slice(0, 60).map((l) => text(l))));
}

/** /chart earnings [days] · /chart activity <datanet> · /chart receipt <id>. */
export function chartFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  feature.command('chart', async (ctx) => {
    const { tr, app } = ctx.potluck;
    const [kind = '', ...rest] = (typeof ctx.match === 'string' ? ctx.match : '').trim().split(/\s+/);
    const arg = rest.join(' ');
    if (kind === 'earnings') {
      // What someone earned is theirs to show: only in their private chat.
      requirePrivateChat(ctx);
      const days = arg ? Number(arg) : undefined;
      const data = await app.ledger.earningsOverTime({ accountId: await ctx.potluck.accountId(), days });
      return sendChart(ctx, await earningsChart(data, tr));
    }
    if (kind === 'activity' && arg) {
      const datanet = await app.datanets.get({ datanet: arg });
      return sendChart(
        ctx,
        await activityChart(await app.contributions.activity({ datanetId: datanet.id }), tr),
      );
    }
    if (kind === 'receipt' && arg) {
      const receipt = await app.inference.getReceipt({ receiptId: arg.replace(/^#/, '') });
      return sendChart(ctx, await receiptChart(receipt, tr));
    }
    throw badInput(tr.t('menu-chart-usage'));
  });
  return feature;
}
