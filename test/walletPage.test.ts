import net from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { chainOf, drainOutbox, earn } from './support/chainHelpers.ts';
import { findChromium, launchChromium } from './support/chromium.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { injectWallet, type TestWallet } from './support/injectedWallet.ts';
import { callOk, connectHttp } from './support/mcpTestClient.ts';
import { publishPaidModel } from './support/publishPaidModel.ts';

const browser = findChromium();
if ('reason' in browser) console.warn(`walletPage.test.ts skipped: ${browser.reason}`);

const EXPLORER = 'https://explorer.example';
let skewMs = 0;
let t: TestApp;
let server: HttpServer;
let context: BrowserContext;
let closeBrowser: (() => Promise<void>) | undefined;
let wallet: TestWallet;
let accountId: string;

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const chain = () => chainOf(t.app);
const tokensOf = (who: Address) =>
  chain().publicClient.readContract({
    address: chain().addresses.token,
    abi: tokenAbi,
    functionName: 'balanceOf',
    args: [who],
  });

/** Opens a page link and presses the wallet's button; resolves with the final status line. */
async function useLink(
  url: string,
  button: RegExp | null,
): Promise<{ page: Page; kind: string; text: string }> {
  const page = await context.newPage();
  await page.goto(url);
  if (button) await page.getByRole('button', { name: button }).click();
  const status = page.locator('#status[data-kind="ok"], #status[data-kind="error"]');
  await status.waitFor({ timeout: 30_000 });
  return {
    page,
    kind: (await status.getAttribute('data-kind')) ?? '',
    text: (await status.textContent()) ?? '',
  };
}

async function settleEarnings(amount: bigint) {
  await earn(t.app, accountId, amount);
  const settled = await t.app.rewards.settleEpoch();
  expect(settled.epoch).not.toBeNull();
  await drainOutbox(t.app);
}

describe.skipIf(!browser.path)('wallet page in a real browser (headless Chromium)', () => {
  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    t = await createTestApp(
      {
        SIWE_DOMAIN: `127.0.0.1:${port}`,
        SIWE_URI: origin,
        PUBLIC_URL: origin,
        CHAIN_EXPLORER_URL: EXPLORER,
      },
      { now: () => new Date(Date.now() + skewMs) },
    );
    server = await startHttpServer(t.app, { host: '127.0.0.1', port });
    accountId = await fundedPerson(t.app);
    wallet = {
      account: chain().embedded!.accounts[6],
      chainId: chain().chainId,
      refuseSwitch: false,
      calls: [],
      lastSigned: null,
    };
    ({ context, close: closeBrowser } = await launchChromium(browser.path!));
    await injectWallet(context, chain(), wallet);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    await t?.cleanup();
  });

  it('links a wallet from a one-time link: the page signs the SIWE message, the bot gets its confirmation', async () => {
    const link = await t.app.walletPage.createLink({
      accountId,
      purpose: 'link',
      surface: 'telegram',
      notifyRef: '4242',
    });
    expect(link.url).toMatch(new RegExp(`^${server.url}/wallet/link#wp_`));

    const response = await fetch(`${server.url}/wallet/link`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline code
    expect(html).not.toContain('wp_');

    const { page, kind, text } = await useLink(link.url, /Link with Test Wallet/);
    expect(kind).toBe('ok');
    expect(text).toContain(wallet.account.address.toLowerCase());
    expect(page.url()).not.toContain('#'); // the token left the address bar
    expect(wallet.calls).toContain('personal_sign');
    expect(wallet.lastSigned?.message).toContain(
      `127.0.0.1:${server.url.split(':').pop()} wants you to sign in`,
    );

    const rewards = await t.app.rewards.getRewards({ accountId, historyLimit: 0 });
    expect(rewards.wallet).toBe(wallet.account.address.toLowerCase());
    expect(await t.app.walletPage.takeLinkConfirmations({ surface: 'telegram' })).toEqual([
      { accountId, notifyRef: '4242', address: wallet.account.address.toLowerCase() },
    ]);
    expect(await t.app.walletPage.takeLinkConfirmations({ surface: 'telegram' })).toEqual([]);
    expect(await t.app.walletPage.linkStatus({ url: link.url })).toEqual({
      status: 'linked',
      address: wallet.account.address.toLowerCase(),
    });

    // The same link again: spent.
    const again = await useLink(link.url, null);
    expect(again).toMatchObject({ kind: 'error', text: expect.stringContaining('already used') });
    await page.close();
    await again.page.close();
  });

  it('refuses an expired link', async () => {
    const link = await t.app.walletPage.createLink({ accountId, purpose: 'link', surface: 'discord' });
    skewMs = (t.app.config.siwe.expirySeconds + 1) * 1000;
    try {
      const { page, kind, text } = await useLink(link.url, null);
      expect(kind).toBe('error');
      expect(text).toContain('expired');
      expect(await page.getByRole('button').count()).toBe(0);
      await page.close();
      expect((await t.app.walletPage.linkStatus({ url: link.url })).status).toBe('expired');
    } finally {
      skewMs = 0;
    }
  });

  it('refuses a replayed signature, even with a fresh link', async () => {
    const signed = wallet.lastSigned!;
    const link = await t.app.walletPage.createLink({ accountId, purpose: 'link', surface: 'mcp' });
    const res = await fetch(`${server.url}/wallet/api/link/finish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: link.url.split('#')[1],
        message: signed.message,
        signature: signed.signature,
      }),
    });
    expect(res.status).toBe(410);
    expect((await res.json()).error).toMatchObject({
      code: 'EXPIRED',
      message: expect.stringContaining('already used'),
    });
    // The fresh link was not spent by the refusal.
    expect((await t.app.walletPage.linkStatus({ url: link.url })).status).toBe('pending');
  });

  it('claims a settled epoch from the wallet, switching it to the right chain first', async () => {
    await settleEarnings(5n * TOKEN);
    wallet.chainId = 1; // on mainnet: the page must ask to switch
    wallet.calls = [];
    const before = await tokensOf(wallet.account.address);
    const link = await t.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'telegram' });

    const page = await context.newPage();
    await page.goto(link.url);
    await expect.poll(() => page.locator('#claimable').textContent()).toBe('5 POT');
    await page.getByRole('button', { name: /Claim with Test Wallet/ }).click();
    await page.locator('#status[data-kind="ok"], #status[data-kind="error"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#status').textContent()).toContain('Claimed 5 POT');

    expect(wallet.calls).toContain('wallet_switchEthereumChain');
    expect(wallet.calls.indexOf('wallet_switchEthereumChain')).toBeLessThan(
      wallet.calls.indexOf('eth_sendTransaction'),
    );
    expect(await tokensOf(wallet.account.address)).toBe(before + 5n * TOKEN);
    expect(await page.locator('#balance').textContent()).toBe(`${Number((before + 5n * TOKEN) / TOKEN)} POT`);
    const tx = page.locator('#tx a');
    expect(await tx.getAttribute('href')).toMatch(new RegExp(`^${EXPLORER}/tx/0x[0-9a-f]{64}$`));

    await t.app.chain.syncEvents();
    const claim = await t.app.rewards.getClaim({ accountId });
    expect(claim).toMatchObject({ alreadyClaimed: 5n * TOKEN, amount: 0n });
    await page.close();
  });

  it('refuses a second claim of the same epoch before anything reaches the chain', async () => {
    wallet.calls = [];
    const link = await t.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'telegram' });
    const { page, kind, text } = await useLink(link.url, /Claim with Test Wallet/);
    expect(kind).toBe('error');
    expect(text).toMatch(/Epoch \d+ is already claimed/);
    expect(wallet.calls).not.toContain('eth_sendTransaction');
    await page.close();
  });

  it('refuses to claim while the wallet stays on the wrong chain', async () => {
    await settleEarnings(2n * TOKEN);
    wallet.chainId = 10;
    wallet.refuseSwitch = true;
    wallet.calls = [];
    try {
      const link = await t.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'discord' });
      const { page, kind, text } = await useLink(link.url, /Claim with Test Wallet/);
      expect(kind).toBe('error');
      expect(text).toContain(`on chain 10; rewards are claimed on chain ${chain().chainId}`);
      expect(wallet.calls).not.toContain('eth_sendTransaction');
      expect((await t.app.rewards.getClaim({ accountId })).amount).toBe(2n * TOKEN);
      await page.close();
    } finally {
      wallet.refuseSwitch = false;
      wallet.chainId = chain().chainId;
    }
  });

  it('refuses a claim of an epoch whose claim was sent from a page and is still pending, and a non-claim transaction', async () => {
    const rpc = (chain().publicClient.transport as unknown as { request: (a: unknown) => Promise<unknown> })
      .request;
    const sender = chain().embedded!.walletFor(wallet.account);
    const tokenOf = (url: string) => url.split('#')[1];
    await rpc({ method: 'evm_setAutomine', params: [false] });
    try {
      const first = tokenOf(
        (await t.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'mcp' })).url,
      );
      const claim = await t.app.walletPage.prepareClaim({ token: first });
      expect(claim.amount).toBe(2n * TOKEN);
      const notAClaim = await sender.sendTransaction({ to: wallet.account.address, value: 0n });
      await expect(t.app.walletPage.recordClaim({ token: first, txHash: notAClaim })).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
      const hash = await sender.writeContract({
        address: claim.vault,
        abi: vaultAbi,
        functionName: 'claim',
        args: [BigInt(claim.epoch), claim.wallet, claim.cumulativeAmount, claim.proof],
      });
      await t.app.walletPage.recordClaim({ token: first, txHash: hash });
      // Not mined yet, so the vault has not paid: the page's record is what refuses the second claim.
      expect((await t.app.rewards.getClaim({ accountId })).amount).toBe(2n * TOKEN);
      const second = tokenOf(
        (await t.app.walletPage.createLink({ accountId, purpose: 'claim', surface: 'mcp' })).url,
      );
      await expect(t.app.walletPage.prepareClaim({ token: second })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('was already sent'),
      });
    } finally {
      await rpc({ method: 'evm_setAutomine', params: [true] });
      await rpc({ method: 'evm_mine', params: [] });
    }
    expect((await t.app.rewards.getClaim({ accountId })).amount).toBe(0n);
  });

  it('shows a public receipt page with its anchored proof and whether it verifies on chain', async () => {
    const model = await publishPaidModel(t.app);
    const asker = await fundedPerson(t.app, 'asker');
    const { receipt } = await t.app.inference.invoke({
      accountId: asker,
      modelId: model.modelId,
      prompt: 'The keeper climbs two hundred spiral stairs',
      idempotencyKey: 'receipt-page',
    });
    // MCP results link the page.
    const agent = await t.app.accounts.createAgent({ name: 'receipt reader' });
    const mcp = await connectHttp(`${server.url}/mcp`, agent.apiKey);
    const viaMcp = await callOk(mcp, 'get_receipt', { receiptId: receipt.receiptId });
    await mcp.close();
    expect(viaMcp.pageUrl).toBe(`${server.url}/receipts/${receipt.receiptId}`);

    const page = await context.newPage();
    const first = await page.goto(viaMcp.pageUrl);
    expect(first?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await page.locator('#fee').textContent()).toBe('3 POT');
    expect(await page.locator('#verified').textContent()).toContain('Not anchored yet');
    // The prompt is the caller's: the public page shows only its hash.
    expect(await page.content()).not.toContain('spiral stairs');

    await t.app.inference.anchorReceipts();
    await drainOutbox(t.app);
    await page.reload();
    expect(await page.locator('#verified').textContent()).toBe('verifies on chain');
    expect(await page.getByRole('heading', { name: 'Contributions and shares' }).count()).toBe(1);
    expect(await page.locator('table').nth(1).locator('tbody tr').count()).toBe(
      receipt.attribution.contributions.length,
    );

    const missing = await fetch(`${server.url}/receipts/999999999`);
    expect(missing.status).toBe(404);
    await page.close();
  });
});
