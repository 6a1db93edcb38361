import { Composer, InlineKeyboard } from 'grammy';
import type { Balance } from '../../../src/rewards/getBalance.ts';
import type { Rewards } from '../../../src/rewards/getRewards.ts';
import type { EarningsSince } from '../../../src/rewards/listEarningsSince.ts';
import type { ValidatorStatus } from '../../../src/validation/getValidatorStatus.ts';
import { type Translator, translator } from '../../i18n/translator.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatAmount, formatWhen } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { renderPayoutLine, renderSource } from '../render/renderPayoutLine.ts';
import { roleLabel } from '../render/roleLabel.ts';
import { editHtml, replyHtml } from '../render/send.ts';
import { ht } from '../render/translateHtml.ts';
import { historyButtonData } from './historyFeature.ts';

const LAST_PAYOUTS = 5;
const pct = (bps: number | null) => (bps === null ? '—' : `${Math.floor(bps / 100)}%`);
const TOP_SOURCES = 3;

interface View {
  balance: Balance;
  rewards: Rewards;
  earnings: EarningsSince;
}

const sourceLines = (earnings: EarningsSince, max: number, tr: Translator) =>
  earnings.bySource
    .slice(0, max)
    .map((s) => html`• ${renderSource(s, tr)}: ${formatAmount(s.amount, { tr })}`);

function renderClaims(r: Rewards, tr: Translator): Html {
  if (!r.wallet) return text(tr.t('rewards-no-wallet'));
  return html`${ht(tr, 'rewards-wallet', { wallet: html`<code>${text(r.wallet)}</code>` })}
${ht(tr, 'rewards-claimable', {
  claimable: html`<b>${formatAmount(r.claimable, { tr })}</b>`,
  claimed: formatAmount(r.claimed, { tr }),
})}
${ht(tr, 'rewards-waiting', { amount: formatAmount(r.uncommitted, { tr }) })}`;
}

function renderRewards({ balance, rewards, earnings }: View, tr: Translator): Html {
  const amount = (value: bigint) => formatAmount(value, { tr });
  const roles = Object.entries(rewards.earnedByRole)
    .filter(([, value]) => value > 0n)
    .map(([role, value]) => html`• ${roleLabel(role, tr)}: ${amount(value)}`);
  const sources = sourceLines(earnings, TOP_SOURCES, tr);
  const payouts = earnings.entries.length
    ? joinHtml(earnings.entries.map((e) => renderPayoutLine(e, tr)))
    : html`<i>${text(tr.t('rewards-no-payouts'))}</i>`;
  return html`💰 <b>${text(tr.t('rewards-title'))}</b>
${ht(tr, 'rewards-available', { amount: html`<b>${amount(balance.available)}</b>` })}
${ht(tr, 'rewards-staked', { amount: amount(balance.staked) })}
${ht(tr, 'rewards-deposits', { amount: amount(balance.inDeposits) })}

<b>${ht(tr, 'rewards-earned-total', { amount: amount(rewards.earned) })}</b>${roles.length ? html`\n${joinHtml(roles)}` : ''}${
    sources.length ? html`\n<b>${text(tr.t('rewards-by-source'))}</b>\n${joinHtml(sources)}` : ''
  }

<b>${text(tr.t('rewards-claims'))}</b>
${renderClaims(rewards, tr)}

<b>${text(tr.t('rewards-last-payouts'))}</b>
${payouts}`;
}

function renderDetails({ rewards, earnings }: View, status: ValidatorStatus): Html {
  const stakes = status.stakes.map(
    (s) =>
      html`• ${s.datanetName}: staked ${formatAmount(s.staked)}, ${s.votesCast} votes (${s.votesWon} on the winning side, ${s.openVotes} still open) · agreement ${pct(s.agreementBps)} · gold ${pct(s.goldAccuracyBps)} of ${s.goldAnswered} · earned ${formatAmount(s.earned)}${s.suspended ? html` · ⚠️ below the gold threshold: not earning` : ''}`,
  );
  const sources = sourceLines(earnings, 20, translator('en'));
  return html`📊 <b>Reward details</b>
<b>Earned by role</b>
${joinHtml(
  (['contributor', 'validator', 'developer'] as const).map(
    (role) => html`• ${roleLabel(role)}: ${formatAmount(rewards.earnedByRole[role] ?? 0n)}`,
  ),
)}

<b>Earned by datanet and model</b>
${sources.length ? joinHtml(sources) : html`<i>Nothing yet.</i>`}

<b>Validator stakes</b>
${stakes.length ? joinHtml(stakes) : html`<i>You do not validate any datanet yet.</i>`}

<b>Epochs</b>
Committed to your wallet so far: ${formatAmount(rewards.committed)}
${rewards.lastEpoch ? html`Last epoch: #${rewards.lastEpoch.epoch}, settled ${formatWhen(rewards.lastEpoch.settledAt)}` : html`No epoch has settled yet.`}`;
}

function rewardsKeyboard(view: View, tr: Translator): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(tr.t('rewards-button-details'), 'rewards:details')
    .text(tr.t('rewards-button-history'), historyButtonData(0));
  if (view.rewards.claimable > 0n)
    keyboard
      .row()
      .text(tr.t('rewards-button-claim', { amount: tr.amount(view.rewards.claimable) }), 'claim:go');
  return keyboard.row().text(tr.t('rewards-button-refresh'), 'rewards:show');
}

/**
 * /rewards: the sender's own balance, earnings by role and by datanet/model, claims and last
 * payouts, with buttons. Every figure is read for whoever sent the command or pressed the button
 * (never from the button's data), so a shared message can never show someone else's rewards.
 */
export function rewardsFeature(): Composer<PotluckContext> {
  const feature = new Composer<PotluckContext>();
  const load = async (ctx: PotluckContext): Promise<View & { accountId: string }> => {
    requirePrivateChat(ctx);
    const accountId = await ctx.potluck.accountId();
    const { app } = ctx.potluck;
    const [balance, rewards, earnings] = await Promise.all([
      app.ledger.getBalance({ accountId }),
      app.rewards.getRewards({ accountId, historyLimit: 0 }),
      app.ledger.listEarningsSince({ accountId, limit: LAST_PAYOUTS }),
    ]);
    return { accountId, balance, rewards, earnings };
  };

  feature.command('rewards', async (ctx) => {
    const view = await load(ctx);
    const { tr } = ctx.potluck;
    await replyHtml(ctx, renderRewards(view, tr), { reply_markup: rewardsKeyboard(view, tr) });
  });
  feature.callbackQuery('rewards:show', async (ctx) => {
    const view = await load(ctx);
    const { tr } = ctx.potluck;
    await editHtml(ctx, renderRewards(view, tr), { reply_markup: rewardsKeyboard(view, tr) });
    await ctx.answerCallbackQuery();
  });
  feature.callbackQuery('rewards:details', async (ctx) => {
    const view = await load(ctx);
    const status = await ctx.potluck.app.validation.status({ accountId: view.accountId });
    await editHtml(ctx, renderDetails(view, status), {
      reply_markup: new InlineKeyboard().text('⬅️ Back', 'rewards:show'),
    });
    await ctx.answerCallbackQuery();
  });
  return feature;
}
