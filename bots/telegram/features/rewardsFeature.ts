import { Composer, InlineKeyboard } from 'grammy';
import type { Balance } from '../../../src/ledger/getBalance.ts';
import type { EarningsSince } from '../../../src/ledger/listEarningsSince.ts';
import type { Rewards } from '../../../src/rewards/getRewards.ts';
import type { ValidatorStatus } from '../../../src/validation/getValidatorStatus.ts';
import { type PotluckContext, requirePrivateChat } from '../context.ts';
import { formatAmount, formatWhen } from '../render/formatAmount.ts';
import { type Html, html, joinHtml, text } from '../render/html.ts';
import { renderPayoutLine, renderSource } from '../render/renderPayoutLine.ts';
import { roleLabel } from '../render/roleLabel.ts';
import { editHtml, replyHtml } from '../render/send.ts';
import { historyButtonData } from './historyFeature.ts';

const LAST_PAYOUTS = 5;
const TOP_SOURCES = 3;

interface View {
  balance: Balance;
  rewards: Rewards;
  earnings: EarningsSince;
}

const sourceLines = (earnings: EarningsSince, max: number) =>
  earnings.bySource.slice(0, max).map((s) => html`• ${renderSource(s)}: ${formatAmount(s.amount)}`);

function renderClaims(r: Rewards): Html {
  if (!r.wallet) {
    return html`No wallet linked: /wallet links one, so what you earn can be claimed on chain.`;
  }
  return html`Wallet <code>${text(r.wallet)}</code>
Claimable now: <b>${formatAmount(r.claimable)}</b> · claimed so far: ${formatAmount(r.claimed)}
Waiting for the next epoch: ${formatAmount(r.uncommitted)}`;
}

function renderRewards({ balance, rewards, earnings }: View): Html {
  const roles = Object.entries(rewards.earnedByRole)
    .filter(([, amount]) => amount > 0n)
    .map(([role, amount]) => html`• ${roleLabel(role)}: ${formatAmount(amount)}`);
  const sources = sourceLines(earnings, TOP_SOURCES);
  const payouts = earnings.entries.length
    ? joinHtml(earnings.entries.map(renderPayoutLine))
    : html`<i>No payouts yet. Add data with /contribute, or validate a datanet, and they start here.</i>`;
  return html`💰 <b>Your rewards</b>
Available: <b>${formatAmount(balance.available)}</b>
Staked as validator: ${formatAmount(balance.staked)}
Held as deposits on pending contributions: ${formatAmount(balance.inDeposits)}

<b>Earned in total: ${formatAmount(rewards.earned)}</b>${roles.length ? html`\n${joinHtml(roles)}` : ''}${
    sources.length ? html`\n<b>By datanet and model</b>\n${joinHtml(sources)}` : ''
  }

<b>Claims</b>
${renderClaims(rewards)}

<b>Last payouts</b>
${payouts}`;
}

function renderDetails({ rewards, earnings }: View, status: ValidatorStatus): Html {
  const stakes = status.stakes.map(
    (s) =>
      html`• ${s.datanetName}: staked ${formatAmount(s.staked)}, ${s.votesCast} votes (${s.votesWon} on the winning side, ${s.openVotes} still open)`,
  );
  const sources = sourceLines(earnings, 20);
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

function rewardsKeyboard(view: View): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text('📊 Details', 'rewards:details')
    .text('📜 History', historyButtonData(0));
  if (view.rewards.claimable > 0n)
    keyboard.row().text(`💸 Claim ${formatAmount(view.rewards.claimable).text}`, 'claim:go');
  return keyboard.row().text('🔄 Refresh', 'rewards:show');
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
    await replyHtml(ctx, renderRewards(view), { reply_markup: rewardsKeyboard(view) });
  });
  feature.callbackQuery('rewards:show', async (ctx) => {
    const view = await load(ctx);
    await editHtml(ctx, renderRewards(view), { reply_markup: rewardsKeyboard(view) });
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
