import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { startHttpServer } from '../src/http/startHttpServer.ts';
import { textOf } from './fakeDiscord/createFakeDiscord.ts';
import { type DiscordHarness, startDiscordHarness } from './fakeDiscord/startDiscordHarness.ts';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { chainOf, drainOutbox, earn } from './support/chainHelpers.ts';
import { createTestApp } from './support/createTestApp.ts';
import { TOKEN } from './support/fixtures.ts';
import { callOk, connectHttp } from './support/mcpTestClient.ts';

const PAGE_LINK = /https?:\/\/[^\s"<>]+\/wallet\/(link|claim)#wp_[A-Za-z0-9_-]{43}/;

/** What the wallet page does with a link (the browser side is test/walletPage.test.ts): start, sign, finish. */
async function linkThroughPage(app: App, url: string) {
  const wallet = privateKeyToAccount(generatePrivateKey());
  const token = url.split('#')[1];
  const { message } = await app.walletPage.startLink({ token, address: wallet.address });
  await app.walletPage.finishLink({ token, message, signature: await wallet.signMessage({ message }) });
  return wallet.address.toLowerCase();
}

describe('Discord hands out the wallet page and confirms in its reply', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness();
  });
  afterAll(async () => h?.close());

  it('/wallet link without an address gives a one-time page link, and the reply says when it is linked', async () => {
    const user = h.fake.addUser('walleter');
    const ix = h.fake.command(user, 'wallet link', {});
    const first = textOf(await h.fake.reply(ix));
    const url = PAGE_LINK.exec(first)?.[0];
    expect(url, first).toBeDefined();
    expect(url).toContain('/wallet/link#');

    const address = await linkThroughPage(h.t.app, url!);
    const confirmed = await h.fake.waitFor(
      () => (ix.original && textOf(ix.original).includes(address) ? textOf(ix.original) : null),
      'the reply edited to the linked wallet',
    );
    expect(confirmed).toContain('linked');
  });
});

describe('Telegram hands out the wallet and claim pages and confirms the link in chat', () => {
  let h: TelegramHarness;
  const user: FakeUser = { id: 9301, first_name: 'Wally' };
  beforeAll(async () => {
    h = await startTelegramHarness({ chain: true, env: { PUBLIC_URL: 'https://potluck.example' } });
  });
  afterAll(async () => h?.close());

  it('/wallet gives a page link; once used, the notifier confirms it in the chat, once', async () => {
    const reply = String((await h.send(messageUpdate(user, '/wallet'))).payload.text);
    const url = PAGE_LINK.exec(reply)?.[0];
    expect(url, reply).toMatch(/^https:\/\/potluck\.example\/wallet\/link#/);

    const address = await linkThroughPage(h.app, url!);
    await h.runtime.notifier!.tick();
    await h.runtime.notifier!.tick();
    const told = h.fake
      .callsOf('sendMessage')
      .filter((c) => Number(c.payload.chat_id) === user.id && String(c.payload.text).includes('wallet page'));
    expect(told).toHaveLength(1);
    expect(String(told[0].payload.text)).toContain(address);
  });

  it('/claim on a chain the server does not relay on gives a claim page link instead of a raw proof', async () => {
    const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${user.id}` });
    await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'claim-page-seed' });
    await earn(h.app, accountId, 4n * TOKEN);
    await h.app.rewards.settleEpoch();
    await drainOutbox(h.app);
    // As on a public chain: no relayer, so the wallet must send the claim itself.
    const chain = chainOf(h.app) as { relayer?: unknown };
    const relayer = chain.relayer;
    chain.relayer = undefined;
    try {
      const reply = String((await h.send(messageUpdate(user, '/claim'))).payload.text);
      expect(PAGE_LINK.exec(reply)?.[0]).toMatch(/\/wallet\/claim#wp_/);
      expect(reply).toContain('4 POT');
      expect(reply).not.toContain('proof');
    } finally {
      chain.relayer = relayer;
    }
  });
});

describe('MCP hands out the wallet page', () => {
  it('open_wallet_page gives a one-time link for the calling account that the page accepts', async () => {
    const t = await createTestApp({ PUBLIC_URL: 'https://potluck.example' }, { chain: false });
    const http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
    try {
      const agent = await t.app.accounts.createAgent({ name: 'linker' });
      const client = await connectHttp(`${http.url}/mcp`, agent.apiKey);
      const r = await callOk(client, 'open_wallet_page', { purpose: 'link' });
      await client.close();
      expect(r.url).toMatch(/^https:\/\/potluck\.example\/wallet\/link#wp_/);
      const address = await linkThroughPage(t.app, r.url);
      expect((await t.app.rewards.getRewards({ accountId: agent.accountId, historyLimit: 0 })).wallet).toBe(
        address,
      );
    } finally {
      await http.close();
      await t.cleanup();
    }
  });
});
