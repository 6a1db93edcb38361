import type { ReceiptView } from '../src/inference/getReceipt.ts';
import type { Receipt } from '../src/inference/receipt.ts';
import { shownPercents } from '../src/inference/shownShares.ts';
import type { Model } from '../src/models/modelStore.ts';
import { connectAgent } from './connectAgent.ts';
import { type Cast, type DemoContext, nameOf } from './demoContext.ts';
import { preview, tokens } from './demoPrinter.ts';

export interface PaidCall {
  who: string;
  prompt: string;
  answer: string;
  receipt: Receipt & { receiptHash: string };
}

const ROLE_REASON = {
  developer: 'developer share',
  contributor: 'data share',
  validator: 'validator share',
  protocol: 'protocol share',
  escrow: 'data share',
} as const;

/**
 * Two people ask through the use cases their bots call (Discord /ask, Telegram), and the agent
 * through the real MCP server over Streamable HTTP: it funds itself, finds the model, pays and
 * fetches its receipt, all as MCP tool calls. Returns the calls and the agent's receipt as the
 * agent saw it.
 */
export async function askTheModel(
  ctx: DemoContext,
  cast: Cast,
  model: Model,
  mcpUrl: string,
): Promise<{ calls: PaidCall[]; agentReceipt: ReceiptView }> {
  const { app, out } = ctx;
  out.step('Two people and an AI agent pay to ask the model');
  const calls: PaidCall[] = [];
  const poolCutBps = BigInt((await app.datanets.get({ datanet: model.datanetId })).poolCutBps);
  // maxTokens: the rest of the poem each prompt opens (an ∞-gram model carries on past a poem's end
  // with whatever line the corpus suggests next, as Hoopoe's longer answer below shows).
  const asks = [
    { person: cast.users[0], app: 'Discord /ask', prompt: 'باران که می‌بارد', maxTokens: 17 },
    { person: cast.users[1], app: 'Telegram', prompt: 'The kettle hums a song', maxTokens: 26 },
  ];
  for (const ask of asks) {
    const r = await app.inference.invoke({
      accountId: ask.person.accountId,
      modelId: model.id,
      prompt: ask.prompt,
      maxTokens: ask.maxTokens,
      temperature: 0,
      idempotencyKey: 'ask',
    });
    record(ctx, ask.person.accountId, r.receipt, poolCutBps);
    calls.push({ who: ask.person.name, prompt: ask.prompt, answer: r.answer, receipt: r.receipt });
    say(ctx, cast, `${ask.person.name} (${ask.app})`, ask.prompt, r.answer, r.receipt);
  }

  const agent = await connectAgent(mcpUrl, cast.agent.apiKey);
  try {
    const faucet = await agent.call<{ amount: string }>('request_faucet', { idempotencyKey: 'hoopoe-start' });
    ctx.book.move('system:faucet', cast.agent.accountId, BigInt(faucet.amount), 'dev faucet');
    const { models } = await agent.call<{ models: { id: string; name: string }[] }>('list_models', {
      datanetId: model.datanetId,
    });
    const found = models.find((m) => m.name === model.name);
    if (!found) throw new Error('the agent could not find the model over MCP');
    out.say(
      `Hoopoe (MCP) takes ${tokens(BigInt(faucet.amount))} dev tokens, finds model #${found.id} with list_models`,
    );
    const prompt = 'Night folds the city';
    const paid = await agent.call<{ answer: string; receipt: PaidCall['receipt'] }>('invoke_model', {
      modelId: found.id,
      prompt,
      // Long enough to run past the end of the poem it starts in: the ∞-gram backs off and carries
      // on with a line from another poem, so this receipt credits two contributions.
      maxTokens: 35,
      temperature: 0,
      maxFee: model.pricePerCall.toString(),
      idempotencyKey: 'hoopoe-ask',
    });
    record(ctx, cast.agent.accountId, paid.receipt, poolCutBps);
    calls.push({ who: 'Hoopoe', prompt, answer: paid.answer, receipt: paid.receipt });
    say(ctx, cast, 'Hoopoe (MCP invoke_model)', prompt, paid.answer, paid.receipt);
    await app.inference.anchorReceipts();
    const { receipt } = await agent.call<{ receipt: ReceiptView }>('get_receipt', {
      receiptId: paid.receipt.receiptId,
    });
    return { calls, agentReceipt: receipt };
  } finally {
    await agent.close();
  }
}

/**
 * The fee leaves the caller and lands, part by part, with everyone the receipt names; the
 * datanet's share of the protocol cut refills its validation reward pool.
 */
function record(ctx: DemoContext, caller: string, receipt: Receipt, poolCutBps: bigint): void {
  for (const p of receipt.payouts) {
    const amount = BigInt(p.amount);
    const toPool = p.accountId === null && p.role !== 'escrow' ? (amount * poolCutBps) / 10_000n : 0n;
    if (toPool > 0n) ctx.book.move(caller, `pool:${receipt.datanetId}`, toPool, ROLE_REASON[p.role], 'fee');
    const to = p.accountId ?? 'system:treasury';
    if (amount > toPool) ctx.book.move(caller, to, amount - toPool, ROLE_REASON[p.role], 'fee');
  }
}

function say(ctx: DemoContext, cast: Cast, who: string, prompt: string, answer: string, receipt: Receipt) {
  // Rounded so the shown percentages add up to 100.
  const percents = shownPercents(
    receipt.attribution.contributions.map((c) => BigInt(c.units)),
    0,
  );
  const drew = receipt.attribution.contributions
    .map((c, i) => `#${c.contributionId} ${percents[i]}`)
    .join(', ');
  ctx.out.say(`${who} asks “${prompt}”, pays ${tokens(receipt.fee)}`);
  ctx.out.say(`     answer: “${preview(`${prompt}${answer}`.replace(/\n/g, ' / '), 160)}”`);
  ctx.out.say(
    `     receipt #${receipt.receiptId}: drew on ${drew || 'no span long enough (paid to the whole snapshot)'}; ` +
      `paid ${receipt.payouts.map((p) => `${nameOf(cast, p.accountId)} ${tokens(p.amount)}`).join(', ')}`,
  );
}
