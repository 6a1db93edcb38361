import { type Address, type Hex, type PrivateKeyAccount, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountRef } from '../src/anchoring/toBytes32Ref.ts';
import { tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { AppError } from '../src/errors.ts';
import { loadEpochTree } from '../src/rewards/loadEpochTree.ts';
import { chainOf, drainOutbox, earn, linkWallet } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

const chain = () => chainOf(t.app);
const mined = async (hash: Promise<Hex>) => {
  const receipt = await chain().publicClient.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe('success');
  return receipt;
};
const tokensOf = (who: Address) =>
  chain().publicClient.readContract({
    address: chain().addresses.token,
    abi: tokenAbi,
    functionName: 'balanceOf',
    args: [who],
  });
const systemBalance = async (name: string) => {
  const [row] = await t.app.deps.sql<{ balance: string }[]>`
    select balance from ledger_accounts where system_name = ${name}`;
  return BigInt(row.balance);
};
const available = async (accountId: string) => (await t.app.ledger.getBalance({ accountId })).available;

/** A funded embedded-chain account deposits `amount` into the vault for `ref`. */
async function deposit(from: PrivateKeyAccount, ref: Hex, amount: bigint) {
  const c = chain();
  const wallet = c.embedded!.walletFor(from);
  await mined(
    c.walletClient.writeContract({
      address: c.addresses.token,
      abi: tokenAbi,
      functionName: 'mint',
      args: [from.address, amount],
    }),
  );
  await mined(
    wallet.writeContract({
      address: c.addresses.token,
      abi: tokenAbi,
      functionName: 'approve',
      args: [c.addresses.vault, amount],
    }),
  );
  return mined(
    wallet.writeContract({
      address: c.addresses.vault,
      abi: vaultAbi,
      functionName: 'deposit',
      args: [amount, ref],
    }),
  );
}

describe('vault deposits', () => {
  it('credits a deposit to the referenced account once, after the configured confirmations', async () => {
    const me = await fundedPerson(t.app);
    const before = await available(me);
    const info = await t.app.chain.getDepositInfo({ accountId: me });
    expect(info.accountRef).toBe(accountRef(me));
    const depositor = chain().embedded!.accounts[3];

    chain().confirmations = 3;
    try {
      await deposit(depositor, info.accountRef, parseEther('20'));
      expect((await t.app.chain.syncEvents()).deposits).toBe(0);
      expect(await available(me)).toBe(before);
      await chain().publicClient.request({ method: 'hardhat_mine' as never, params: ['0x2'] as never });
      expect((await t.app.chain.syncEvents()).deposits).toBe(1);
    } finally {
      chain().confirmations = 1;
    }
    expect(await available(me)).toBe(before + parseEther('20'));
    expect((await t.app.chain.syncEvents()).deposits).toBe(0);
    // Forgetting the cursor rescans from the first block: the (tx hash, log index) key still credits once.
    await t.app.deps.sql`delete from chain_cursors`;
    expect((await t.app.chain.syncEvents()).deposits).toBe(0);
    expect(await available(me)).toBe(before + parseEther('20'));
    const [row] = await t.app.deps
      .sql`select status, account_id from chain_deposits where account_ref = ${info.accountRef}`;
    expect(row).toEqual({ status: 'credited', account_id: me });
  });

  it('finds accounts that never asked for deposit details, and keeps unknown refs aside', async () => {
    const me = await fundedPerson(t.app);
    const before = await available(me);
    const depositor = chain().embedded!.accounts[4];
    await deposit(depositor, accountRef(me), 3n * TOKEN);
    await deposit(depositor, accountRef('999999999'), 2n * TOKEN);
    expect((await t.app.chain.syncEvents()).deposits).toBe(1);
    expect(await available(me)).toBe(before + 3n * TOKEN);
    const [unmatched] = await t.app.deps.sql<{ status: string; account_id: string | null }[]>`
      select status, account_id from chain_deposits where account_ref = ${accountRef('999999999')}`;
    expect(unmatched).toEqual({ status: 'unmatched', account_id: null });
  });
});

describe('epoch settlement and claims', () => {
  it('commits earnings to wallets, pays a claim once, and a second claim pays only new earnings', async () => {
    const alice = await fundedPerson(t.app, 'alice');
    const bob = await fundedPerson(t.app, 'bob');
    const carol = await fundedPerson(t.app, 'carol');
    const aliceWallet = privateKeyToAccount(generatePrivateKey());
    const carolWallet = chain().embedded!.accounts[5];
    await linkWallet(t.app, alice, aliceWallet);
    await linkWallet(t.app, carol, carolWallet);
    await earn(t.app, alice, 10n * TOKEN, 'contributor');
    await earn(t.app, alice, 5n * TOKEN, 'validator');
    await earn(t.app, bob, 7n * TOKEN); // no wallet: nothing is committed for bob
    await earn(t.app, carol, 20n * TOKEN);
    // Carol spends most of her balance: her commitment is capped by it, never overdrawn.
    await t.app.ledger.transfer({
      fromAccountId: carol,
      toAccountId: bob,
      amount: (115n * TOKEN).toString(),
      idempotencyKey: 'spend',
    });
    expect(await available(carol)).toBe(5n * TOKEN);

    const aliceBefore = await available(alice);
    const e1 = await t.app.rewards.settleEpoch();
    expect(e1).toMatchObject({ epoch: 1, committed: 20n * TOKEN, accounts: 2, leaves: 2 });
    expect(await available(alice)).toBe(aliceBefore - 15n * TOKEN);
    expect(await available(carol)).toBe(0n);
    expect(await systemBalance('rewards')).toBe(20n * TOKEN);
    // Nothing new: no epoch.
    expect((await t.app.rewards.settleEpoch()).epoch).toBeNull();

    await drainOutbox(t.app);
    const claim = await t.app.rewards.getClaim({ accountId: alice });
    expect(claim).toMatchObject({
      epoch: 1,
      wallet: aliceWallet.address.toLowerCase(),
      cumulativeAmount: 15n * TOKEN,
      amount: 15n * TOKEN,
    });

    const paid = await t.app.rewards.submitClaim({ accountId: alice });
    expect(paid.amount).toBe(15n * TOKEN);
    expect(await tokensOf(aliceWallet.address)).toBe(15n * TOKEN);
    expect(await systemBalance('settlement')).toBe(15n * TOKEN);
    expect(await systemBalance('rewards')).toBe(5n * TOKEN);
    // The Claimed event again (a rescan) moves nothing more.
    await t.app.deps.sql`delete from chain_cursors`;
    await t.app.chain.syncEvents();
    expect(await systemBalance('settlement')).toBe(15n * TOKEN);
    const again = await t.app.rewards.submitClaim({ accountId: alice }).catch((e: unknown) => e);
    expect((again as AppError).code).toBe('INVALID_STATE');

    await earn(t.app, alice, 4n * TOKEN, 'developer');
    const e2 = await t.app.rewards.settleEpoch();
    expect(e2).toMatchObject({ epoch: 2, committed: 4n * TOKEN, accounts: 1 });
    await drainOutbox(t.app);
    expect(await t.app.rewards.getClaim({ accountId: alice })).toMatchObject({
      epoch: 2,
      cumulativeAmount: 19n * TOKEN,
      alreadyClaimed: 15n * TOKEN,
      amount: 4n * TOKEN,
    });
    expect((await t.app.rewards.submitClaim({ accountId: alice })).amount).toBe(4n * TOKEN);
    expect(await tokensOf(aliceWallet.address)).toBe(19n * TOKEN);

    // Carol claims from her own wallet with the proof; the watcher settles it once.
    const c = await t.app.rewards.getClaim({ accountId: carol });
    expect(c).toMatchObject({ epoch: 2, amount: 5n * TOKEN });
    await mined(
      chain()
        .embedded!.walletFor(carolWallet)
        .writeContract({
          address: c.vault,
          abi: vaultAbi,
          functionName: 'claim',
          args: [BigInt(c.epoch), c.wallet, c.cumulativeAmount, c.proof],
        }),
    );
    expect((await t.app.chain.syncEvents()).claims).toBe(1);
    expect((await t.app.chain.syncEvents()).claims).toBe(0);
    expect(await systemBalance('settlement')).toBe(24n * TOKEN);
    expect(await systemBalance('rewards')).toBe(0n);

    const rewards = await t.app.rewards.getRewards({ accountId: alice });
    expect(rewards).toMatchObject({
      wallet: aliceWallet.address.toLowerCase(),
      earned: 19n * TOKEN,
      earnedByRole: { contributor: 10n * TOKEN, validator: 5n * TOKEN, developer: 4n * TOKEN },
      committed: 19n * TOKEN,
      claimed: 19n * TOKEN,
      claimable: 0n,
      uncommitted: 0n,
      lastEpoch: { epoch: 2 },
    });
    expect(rewards.history.some((h) => h.kind === 'reward_epoch' && h.amount === -4n * TOKEN)).toBe(true);
  });

  it('keeps what was committed to a replaced wallet claimable by that wallet', async () => {
    const dan = await fundedPerson(t.app, 'dan');
    const oldWallet = privateKeyToAccount(generatePrivateKey());
    const newWallet = privateKeyToAccount(generatePrivateKey());
    await linkWallet(t.app, dan, oldWallet);
    await earn(t.app, dan, 3n * TOKEN);
    await t.app.rewards.settleEpoch();
    await linkWallet(t.app, dan, newWallet);
    await earn(t.app, dan, 2n * TOKEN);
    const settled = await t.app.rewards.settleEpoch();
    await drainOutbox(t.app);

    const claim = await t.app.rewards.getClaim({ accountId: dan });
    expect(claim).toMatchObject({ wallet: newWallet.address.toLowerCase(), amount: 2n * TOKEN });
    await t.app.rewards.submitClaim({ accountId: dan });
    // The old wallet's leaf is still in the latest root: it can claim its 3 tokens.
    const tree = await loadEpochTree(t.app.deps.sql, settled.epoch!);
    const leaf = tree!.leafOf(oldWallet.address)!;
    expect(leaf.cumulative).toBe(3n * TOKEN);
    await mined(
      chain().relayer!.writeContract({
        address: chain().addresses.vault,
        abi: vaultAbi,
        functionName: 'claim',
        args: [BigInt(settled.epoch!), oldWallet.address, leaf.cumulative, leaf.proof],
      }),
    );
    await t.app.chain.syncEvents();
    expect(await tokensOf(oldWallet.address)).toBe(3n * TOKEN);
    expect((await t.app.rewards.getRewards({ accountId: dan })).claimed).toBe(5n * TOKEN);
    // Ledger and vault agree: everything committed is either paid out (settlement) or still held.
    const [committed] = await t.app.deps.sql<
      { total: string }[]
    >`select coalesce(sum(committed), 0) as total from reward_epochs`;
    expect((await systemBalance('rewards')) + (await systemBalance('settlement'))).toBe(
      BigInt(committed.total),
    );
    expect(await tokensOf(chain().addresses.vault)).toBe(
      BigInt(committed.total) - (await systemBalance('settlement')) + 25n * TOKEN, // + the deposits above
    );
  });

  it('refuses a claim without a linked wallet', async () => {
    const eve = await fundedPerson(t.app, 'eve');
    const e = await t.app.rewards.getClaim({ accountId: eve }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('INVALID_STATE');
  });
});
