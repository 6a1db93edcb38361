import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';

let t: TestApp;
let clock = new Date('2026-11-20T10:00:00Z');
const newWallet = () => privateKeyToAccount(generatePrivateKey());

beforeAll(async () => {
  t = await createTestApp(
    { SIWE_DOMAIN: 'potluck.example', SIWE_URI: 'https://potluck.example/link', SIWE_EXPIRY_SECONDS: '300' },
    { now: () => clock },
  );
});
afterAll(async () => t?.cleanup());

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(AppError);
      return e as AppError;
    },
  );
const walletsOf = async (accountId: string) =>
  (
    await t.app.deps.sql<{ identity: string }[]>`
      select identity from identities where account_id = ${accountId} and identity like 'wallet:%'`
  ).map((r) => r.identity);

describe('wallet linking with Sign-In with Ethereum', () => {
  it('issues an EIP-4361 message for this domain and chain, and links the signer as wallet:<lowercase>', async () => {
    const me = await fundedPerson(t.app);
    const wallet = newWallet();
    const start = await t.app.wallets.startLink({ accountId: me, address: wallet.address });
    expect(start.message).toContain('potluck.example wants you to sign in with your Ethereum account:');
    expect(start.message).toContain(wallet.address);
    expect(start.message).toContain('Chain ID: 31337');
    expect(start.message).toContain(`Nonce: ${start.nonce}`);
    expect(start.expiresAt.getTime() - clock.getTime()).toBe(300_000);
    const signature = await wallet.signMessage({ message: start.message });
    const done = await t.app.wallets.finishLink({ accountId: me, message: start.message, signature });
    expect(done).toMatchObject({
      address: wallet.address.toLowerCase(),
      replaced: null,
      alreadyLinked: false,
    });
    expect(await walletsOf(me)).toEqual([`wallet:${wallet.address.toLowerCase()}`]);
    expect(
      (await t.app.accounts.resolveIdentity({ identity: `wallet:${wallet.address.toLowerCase()}` }))
        .accountId,
    ).toBe(me);
  });

  it('refuses a replayed message: the nonce is single-use', async () => {
    const me = await fundedPerson(t.app);
    const wallet = newWallet();
    const { message } = await t.app.wallets.startLink({ accountId: me, address: wallet.address });
    const signature = await wallet.signMessage({ message });
    await t.app.wallets.finishLink({ accountId: me, message, signature });
    const e = await refusal(t.app.wallets.finishLink({ accountId: me, message, signature }));
    expect(e.code).toBe('EXPIRED');
    expect(e.message).toMatch(/already used/);
  });

  it('refuses an expired message', async () => {
    const me = await fundedPerson(t.app);
    const wallet = newWallet();
    const { message } = await t.app.wallets.startLink({ accountId: me, address: wallet.address });
    const signature = await wallet.signMessage({ message });
    clock = new Date(clock.getTime() + 301_000);
    const e = await refusal(t.app.wallets.finishLink({ accountId: me, message, signature }));
    expect(e.code).toBe('EXPIRED');
    expect(await walletsOf(me)).toEqual([]);
  });

  it('refuses a message for another domain, URI or chain, even when the wallet signed it', async () => {
    const me = await fundedPerson(t.app);
    const wallet = newWallet();
    const cases: [RegExp, string, RegExp][] = [
      [/^potluck\.example /, 'evil.example ', /evil\.example, not potluck\.example/],
      [/URI: \S+/, 'URI: https://evil.example/link', /not https:\/\/potluck\.example\/link/],
      [/Chain ID: 31337/, 'Chain ID: 1', /chain 1; this server links wallets on chain 31337/],
    ];
    for (const [from, to, why] of cases) {
      const { message } = await t.app.wallets.startLink({ accountId: me, address: wallet.address });
      const forged = message.replace(from, to);
      expect(forged).not.toBe(message);
      const signature = await wallet.signMessage({ message: forged });
      const e = await refusal(t.app.wallets.finishLink({ accountId: me, message: forged, signature }));
      expect(e.code).toBe('UNAUTHENTICATED');
      expect(e.message).toMatch(why);
    }
    expect(await walletsOf(me)).toEqual([]);
  });

  it("refuses another key's signature and another account's nonce", async () => {
    const me = await fundedPerson(t.app);
    const other = await fundedPerson(t.app);
    const wallet = newWallet();
    const { message } = await t.app.wallets.startLink({ accountId: me, address: wallet.address });
    const bySomeoneElse = await newWallet().signMessage({ message });
    expect(
      (await refusal(t.app.wallets.finishLink({ accountId: me, message, signature: bySomeoneElse }))).code,
    ).toBe('UNAUTHENTICATED');
    const signature = await wallet.signMessage({ message });
    const e = await refusal(t.app.wallets.finishLink({ accountId: other, message, signature }));
    expect(e.message).toMatch(/Unknown sign-in nonce/);
    // The refused attempts did not burn the nonce: the rightful finish still works.
    await t.app.wallets.finishLink({ accountId: me, message, signature });
  });

  it('replaces the old wallet on relink, refuses a wallet held by another account, and frees it on unlink', async () => {
    const alice = await fundedPerson(t.app);
    const bob = await fundedPerson(t.app);
    const first = newWallet();
    const second = newWallet();
    await linkWallet(t.app, alice, first);
    const relinked = await linkWallet(t.app, alice, second);
    expect(relinked.replaced).toBe(first.address.toLowerCase());
    expect(await walletsOf(alice)).toEqual([`wallet:${second.address.toLowerCase()}`]);
    expect((await linkWallet(t.app, alice, second)).alreadyLinked).toBe(true);

    // The replaced wallet is free again; the live one is not.
    await linkWallet(t.app, bob, first);
    const taken = await refusal(t.app.wallets.startLink({ accountId: bob, address: second.address }));
    expect(taken.code).toBe('CONFLICT');
    // A message issued before the wallet was taken is refused at finish too.
    const carol = await fundedPerson(t.app);
    const third = newWallet();
    const pending = await t.app.wallets.startLink({ accountId: carol, address: third.address });
    await linkWallet(t.app, alice, third);
    const late = await refusal(
      t.app.wallets.finishLink({
        accountId: carol,
        message: pending.message,
        signature: await third.signMessage({ message: pending.message }),
      }),
    );
    expect(late.code).toBe('CONFLICT');

    expect(await t.app.wallets.unlink({ accountId: alice })).toEqual({
      address: third.address.toLowerCase(),
    });
    expect(await walletsOf(alice)).toEqual([]);
    await linkWallet(t.app, carol, third);
    const history = await t.app.deps.sql<{ address: string; unlink_reason: string | null }[]>`
      select address, unlink_reason from wallet_links where account_id = ${alice} order by id`;
    expect(history.map((h) => h.unlink_reason)).toEqual(['replaced', 'replaced', 'unlinked']);
  });
});
