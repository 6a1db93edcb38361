import { parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { registryAbi, vaultAbi } from './abis.ts';
import { deployContracts } from './deployContracts.ts';
import { ROLES } from './roles.ts';
import { type EmbeddedChain, startEmbeddedChain } from './startEmbeddedChain.ts';
import { toChainError } from './toChainError.ts';

let chain: EmbeddedChain;

beforeAll(async () => {
  chain = await startEmbeddedChain({ accounts: 3 });
});
afterAll(async () => {
  await chain.close();
});

describe('startEmbeddedChain', () => {
  it('serves a funded deployer over viem', async () => {
    expect(await chain.publicClient.getChainId()).toBe(31337);
    expect(chain.accounts).toHaveLength(3);
    expect(chain.walletClient.account.address).toBe(chain.accounts[0].address);
    expect(await chain.publicClient.getBalance({ address: chain.accounts[2].address })).toBe(
      parseEther('10000'),
    );
  });
});

describe('deployContracts', () => {
  it('deploys to the same addresses on every fresh chain and grants the deployer every role', async () => {
    const other = await startEmbeddedChain({ accounts: 1 });
    try {
      const a = await deployContracts(other.walletClient, other.publicClient);
      const fresh = await startEmbeddedChain({ accounts: 1 });
      const b = await deployContracts(fresh.walletClient, fresh.publicClient);
      await fresh.close();
      expect(b).toEqual(a);
      const read = (address: `0x${string}`, role: `0x${string}`) =>
        other.publicClient.readContract({
          address,
          abi: registryAbi,
          functionName: 'hasRole',
          args: [role, a.deployer],
        });
      expect(await read(a.registry, ROLES.anchor)).toBe(true);
      expect(await read(a.vault, ROLES.rootPoster)).toBe(true);
      expect(await read(a.vault, ROLES.pauser)).toBe(true);
      expect(await read(a.token, ROLES.minter)).toBe(true);
      expect(
        await other.publicClient.readContract({ address: a.vault, abi: vaultAbi, functionName: 'token' }),
      ).toBe(a.token);
    } finally {
      await other.close();
    }
  });

  it('grants the anchor and root-poster roles to separate service keys', async () => {
    const [, anchorer, poster] = chain.accounts;
    const d = await deployContracts(chain.walletClient, chain.publicClient, {
      anchorer: anchorer.address,
      rootPoster: poster.address,
    });
    const has = (address: `0x${string}`, role: `0x${string}`, who: `0x${string}`) =>
      chain.publicClient.readContract({
        address,
        abi: registryAbi,
        functionName: 'hasRole',
        args: [role, who],
      });
    expect(await has(d.registry, ROLES.anchor, anchorer.address)).toBe(true);
    expect(await has(d.vault, ROLES.rootPoster, poster.address)).toBe(true);
    expect(await has(d.vault, ROLES.rootPoster, anchorer.address)).toBe(false);
  });

  it('reports a failed deployment as CHAIN_ERROR', async () => {
    const broke = chain.walletFor(privateKeyToAccount(generatePrivateKey()));
    const err = await deployContracts(broke, chain.publicClient).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CHAIN_ERROR');
    expect((err as AppError).details['deployer']).toBe(broke.account.address);
  });
});

describe('toChainError', () => {
  it('keeps the custom error name of a revert', async () => {
    const d = await deployContracts(chain.walletClient, chain.publicClient);
    const outsider = chain.walletFor(chain.accounts[1]);
    const write = outsider.writeContract({
      address: d.registry,
      abi: registryAbi,
      functionName: 'registerDatanet',
      args: [ROLES.anchor, ROLES.anchor],
    });
    const err = await write.then(
      () => {
        throw new Error('expected a revert');
      },
      (e: unknown) => toChainError(e, 'Registering a datanet'),
    );
    expect(err.code).toBe('CHAIN_ERROR');
    expect(err.details['revert']).toBe('AccessControlUnauthorizedAccount');
    expect(err.message).toContain('Registering a datanet');
  });

  it('wraps anything else and passes AppErrors through', () => {
    expect(toChainError(new Error('socket hang up'), 'Posting a root').message).toBe(
      'Posting a root failed on chain: socket hang up',
    );
    const original = new AppError('BAD_INPUT', 'no');
    expect(toChainError(original, 'x')).toBe(original);
  });
});
