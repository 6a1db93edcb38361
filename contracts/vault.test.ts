import { type Address, type Hex, parseEther, parseEventLogs, parseSignature } from 'viem';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RewardLeaf, rewardTree } from '../src/anchoring/merkleTrees.ts';
import { accountRef } from '../src/anchoring/toBytes32Ref.ts';
import { vaultAbi } from '../src/chain/abis.ts';
import type { EmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { balanceOf, deployFixture, type Fixture, mined, revertOf, startFixtureChain } from './fixture.ts';

let chain: EmbeddedChain;
let f: Fixture;
let alice: Address;
let bob: Address;

beforeAll(async () => {
  chain = await startFixtureChain();
});
afterAll(async () => {
  await chain.close();
});
beforeEach(async () => {
  f = await deployFixture(chain);
  alice = f.others[0].address;
  bob = f.others[1].address;
  await mined(chain, f.admin.token.write.mint([f.deployment.vault, parseEther('1000')]));
});

/** Posts an epoch and returns a claim helper for its tree. */
async function postEpoch(epoch: bigint, leaves: RewardLeaf[]) {
  const tree = rewardTree(leaves);
  await mined(chain, f.admin.vault.write.postEpochRoot([epoch, tree.root as Hex]));
  const proofFor = (account: Address) => {
    for (const [i, [a, amount]] of tree.entries()) {
      if (a === account) return { amount, proof: tree.getProof(i) as Hex[] };
    }
    throw new Error(`no leaf for ${account}`);
  };
  return { tree, proofFor };
}

describe('RewardVault claims', () => {
  it('pays once, and after a new epoch pays only the new earnings', async () => {
    const e1 = await postEpoch(1n, [
      { account: alice, cumulativeAmount: parseEther('10') },
      { account: bob, cumulativeAmount: parseEther('3') },
    ]);
    const { amount, proof } = e1.proofFor(alice);
    // Anyone may submit; the tokens go to the leaf's account.
    const receipt = await mined(chain, f.as(f.others[3]).vault.write.claim([1n, alice, amount, proof]));
    const [event] = parseEventLogs({ abi: vaultAbi, logs: receipt.logs, eventName: 'Claimed' });
    expect(event.args).toEqual({
      account: alice,
      epoch: 1n,
      amount: parseEther('10'),
      cumulativeAmount: parseEther('10'),
    });
    expect(await balanceOf(f, alice)).toBe(parseEther('10'));
    expect(await revertOf(f.admin.vault.write.claim([1n, alice, amount, proof]))).toBe('NothingToClaim');

    const e2 = await postEpoch(2n, [
      { account: alice, cumulativeAmount: parseEther('14.5') },
      { account: bob, cumulativeAmount: parseEther('3') },
    ]);
    const second = e2.proofFor(alice);
    await mined(chain, f.admin.vault.write.claim([2n, alice, second.amount, second.proof]));
    expect(await balanceOf(f, alice)).toBe(parseEther('14.5'));
    expect(await f.admin.vault.read.claimed([alice])).toBe(parseEther('14.5'));
    expect(await revertOf(f.admin.vault.write.claim([2n, alice, second.amount, second.proof]))).toBe(
      'NothingToClaim',
    );
  });

  it('rejects bad proofs, wrong accounts, inflated amounts and stale epochs', async () => {
    const e1 = await postEpoch(1n, [
      { account: alice, cumulativeAmount: parseEther('10') },
      { account: bob, cumulativeAmount: parseEther('3') },
      { account: f.others[2].address, cumulativeAmount: parseEther('1') },
    ]);
    const { amount, proof } = e1.proofFor(alice);
    const claim = (account: Address, value: bigint, p: Hex[], epoch = 1n) =>
      revertOf(f.admin.vault.write.claim([epoch, account, value, p]));
    expect(await claim(bob, amount, proof)).toBe('InvalidProof');
    expect(await claim(alice, amount + 1n, proof)).toBe('InvalidProof');
    expect(await claim(alice, amount, [...proof].reverse())).toBe('InvalidProof');
    expect(await claim(alice, amount, [])).toBe('InvalidProof');
    expect(await claim(alice, amount, proof, 2n)).toBe('StaleEpoch');

    await postEpoch(2n, [{ account: alice, cumulativeAmount: parseEther('11') }]);
    expect(await claim(alice, amount, proof, 1n)).toBe('StaleEpoch');
    expect(await balanceOf(f, alice)).toBe(0n);
  });

  it('is blocked while paused and works again after unpause', async () => {
    const e1 = await postEpoch(1n, [{ account: alice, cumulativeAmount: 5n }]);
    const { amount, proof } = e1.proofFor(alice);
    expect(await revertOf(f.as(f.others[0]).vault.write.pause())).toBe('AccessControlUnauthorizedAccount');
    await mined(chain, f.admin.vault.write.pause());
    expect(await revertOf(f.admin.vault.write.claim([1n, alice, amount, proof]))).toBe('EnforcedPause');
    await mined(chain, f.admin.vault.write.unpause());
    await mined(chain, f.admin.vault.write.claim([1n, alice, amount, proof]));
    expect(await balanceOf(f, alice)).toBe(5n);
  });

  it('keeps a root posted while paused closed until unpause, which opens only the latest epoch', async () => {
    const e1 = await postEpoch(1n, [
      { account: alice, cumulativeAmount: 5n },
      { account: bob, cumulativeAmount: 2n },
    ]);
    await mined(chain, f.admin.vault.write.pause());
    const e2 = await postEpoch(2n, [
      { account: alice, cumulativeAmount: 9n },
      { account: bob, cumulativeAmount: 4n },
    ]);
    const second = e2.proofFor(alice);
    expect(await revertOf(f.admin.vault.write.claim([2n, alice, second.amount, second.proof]))).toBe(
      'EnforcedPause',
    );
    await mined(chain, f.admin.vault.write.unpause());
    const first = e1.proofFor(bob);
    expect(await revertOf(f.admin.vault.write.claim([1n, bob, first.amount, first.proof]))).toBe(
      'StaleEpoch',
    );
    expect(await revertOf(f.admin.vault.write.claim([2n, alice, 9n + 1n, second.proof]))).toBe(
      'InvalidProof',
    );
    await mined(chain, f.admin.vault.write.claim([2n, alice, second.amount, second.proof]));
    expect(await balanceOf(f, alice)).toBe(9n);
    expect(await revertOf(f.admin.vault.write.claim([2n, alice, second.amount, second.proof]))).toBe(
      'NothingToClaim',
    );
  });
});

describe('RewardVault epoch roots', () => {
  it('are role-gated, increasing, and a replay of the same root is a no-op', async () => {
    const tree = rewardTree([{ account: alice, cumulativeAmount: 1n }]);
    const root = tree.root as Hex;
    expect(await revertOf(f.as(f.others[0]).vault.write.postEpochRoot([1n, root]))).toBe(
      'AccessControlUnauthorizedAccount',
    );
    const receipt = await mined(chain, f.admin.vault.write.postEpochRoot([3n, root]));
    const [event] = parseEventLogs({ abi: vaultAbi, logs: receipt.logs, eventName: 'EpochRootPosted' });
    expect(event.args).toEqual({ epoch: 3n, root });
    expect((await mined(chain, f.admin.vault.write.postEpochRoot([3n, root]))).logs).toHaveLength(0);
    const other = rewardTree([{ account: bob, cumulativeAmount: 1n }]).root as Hex;
    expect(await revertOf(f.admin.vault.write.postEpochRoot([3n, other]))).toBe('EpochRootConflict');
    expect(await revertOf(f.admin.vault.write.postEpochRoot([2n, other]))).toBe('EpochNotIncreasing');
    expect(await f.admin.vault.read.latestEpoch()).toBe(3n);
    expect(await f.admin.vault.read.epochRoot([3n])).toBe(root);
  });
});

describe('RewardVault deposits', () => {
  it('transfers the tokens in and emits Deposited with the account ref', async () => {
    const depositor = f.others[4];
    await mined(chain, f.admin.token.write.mint([depositor.address, parseEther('7')]));
    const as = f.as(depositor);
    await mined(chain, as.token.write.approve([f.deployment.vault, parseEther('7')]));
    const ref = accountRef('account-42');
    const receipt = await mined(chain, as.vault.write.deposit([parseEther('7'), ref]));
    const [event] = parseEventLogs({ abi: vaultAbi, logs: receipt.logs, eventName: 'Deposited' });
    expect(event.args).toEqual({ accountRef: ref, from: depositor.address, amount: parseEther('7') });
    expect(await balanceOf(f, f.deployment.vault)).toBe(parseEther('1007'));
    expect(await balanceOf(f, depositor.address)).toBe(0n);
  });

  it('accepts an EIP-2612 permit instead of an approval', async () => {
    const depositor = f.others[4];
    await mined(chain, f.admin.token.write.mint([depositor.address, 100n]));
    const deadline = 2n ** 64n;
    const nonce = await f.admin.token.read.nonces([depositor.address]);
    const signature = await chain.walletFor(depositor).signTypedData({
      domain: {
        name: 'Potluck',
        version: '1',
        chainId: chain.chain.id,
        verifyingContract: f.deployment.token,
      },
      types: {
        Permit: [
          { name: 'owner', type: 'address' },
          { name: 'spender', type: 'address' },
          { name: 'value', type: 'uint256' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
      },
      primaryType: 'Permit',
      message: { owner: depositor.address, spender: f.deployment.vault, value: 100n, nonce, deadline },
    });
    const { r, s, v } = parseSignature(signature);
    const ref = accountRef('account-7');
    const receipt = await mined(
      chain,
      f.as(depositor).vault.write.depositWithPermit([100n, ref, deadline, Number(v), r, s]),
    );
    const [event] = parseEventLogs({ abi: vaultAbi, logs: receipt.logs, eventName: 'Deposited' });
    expect(event.args.amount).toBe(100n);
    expect(event.args.accountRef).toBe(ref);
  });

  it('refuses zero amounts and deposits while paused', async () => {
    expect(await revertOf(f.admin.vault.write.deposit([0n, accountRef('a')]))).toBe('ZeroValue');
    await mined(chain, f.admin.vault.write.pause());
    expect(await revertOf(f.admin.vault.write.deposit([1n, accountRef('a')]))).toBe('EnforcedPause');
  });
});

describe('PotluckToken', () => {
  it('has 18 decimals and only minters mint', async () => {
    expect(await f.admin.token.read.decimals()).toBe(18);
    expect(await revertOf(f.as(f.others[0]).token.write.mint([alice, 1n]))).toBe(
      'AccessControlUnauthorizedAccount',
    );
  });
});
