import { keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { tokenAbi } from '../src/chain/abis.ts';
import { short } from './contributePoems.ts';
import type { Cast, DemoContext } from './demoContext.ts';
import { tokens } from './demoPrinter.ts';
import { drainOutbox } from './drainOutbox.ts';

export interface Settlement {
  wallet: `0x${string}`;
  committed: bigint;
  claimed: bigint;
  /** The wallet's token balance read from the chain after the claim. */
  onChain: bigint;
}

/**
 * Shirin links a wallet by signing a Sign-In with Ethereum message with a viem local account (a
 * fixed key, so every run shows the same address), the epoch settles her earnings into a Merkle
 * root on the vault, and she claims them to that wallet on the embedded chain.
 */
export async function settleAndClaim(ctx: DemoContext, cast: Cast): Promise<Settlement> {
  const { app, out, book } = ctx;
  const poet = cast.poet.accountId;
  out.step('Shirin links a wallet (Sign-In with Ethereum)');
  const wallet = privateKeyToAccount(keccak256(toHex('potluck demo: Shirin’s wallet')));
  const { message } = await app.wallets.startLink({ accountId: poet, address: wallet.address });
  out.say(`the server asks her to sign: “${message.split('\n')[0]}” (domain, chain, single-use nonce)`);
  const signature = await wallet.signMessage({ message });
  const linked = await app.wallets.finishLink({ accountId: poet, message, signature });
  out.say(`signed with her wallet's key; linked wallet ${linked.address}`);

  out.step('The epoch settles: earnings become a Merkle root on the reward vault');
  const settled = await app.rewards.settleEpoch();
  book.move(poet, 'system:rewards', settled.committed, 'to wallet');
  out.say(
    `epoch ${settled.epoch}: ${tokens(settled.committed)} tokens committed for ${settled.accounts} account(s) with a linked wallet, ` +
      `root ${short(settled.root ?? '')}`,
  );
  out.say('validators, developer and users have no wallet linked: their earnings stay spendable in Potluck');
  await drainOutbox(app);

  out.step('Shirin claims on chain');
  const claim = await app.rewards.getClaim({ accountId: poet });
  out.say(
    `claim for epoch ${claim.epoch}: ${tokens(claim.amount)} tokens to ${short(claim.wallet)}, Merkle proof of ${claim.proof.length} hash(es)${claim.proof.length === 0 ? ' (hers is the only leaf)' : ''}`,
  );
  const paid = await app.rewards.submitClaim({ accountId: poet });
  book.move('system:rewards', 'system:settlement', paid.amount, 'claimed on chain');
  const chain = app.deps.chain;
  if (!chain) throw new Error('the demo needs the embedded chain');
  const onChain = await chain.publicClient.readContract({
    address: chain.addresses.token,
    abi: tokenAbi,
    functionName: 'balanceOf',
    args: [wallet.address],
  });
  out.say(
    `vault paid ${tokens(paid.amount)} tokens in tx ${short(paid.txHash)}; her wallet now holds ${tokens(onChain)} tokens`,
  );

  const viaTelegram = await app.accounts.resolveIdentity({ identity: cast.poet.telegram });
  const rewards = await app.rewards.getRewards({ accountId: viaTelegram.accountId });
  out.say(
    `on Telegram she checks: earned ${tokens(rewards.earned)} (as contributor ${tokens(rewards.earnedByRole.contributor ?? 0n)}), ` +
      `committed ${tokens(rewards.committed)}, claimed ${tokens(rewards.claimed)}, still claimable ${tokens(rewards.claimable)}`,
  );
  return { wallet: wallet.address, committed: settled.committed, claimed: paid.amount, onChain };
}
