// Shared setup for the contract tests: a fresh embedded chain, the three contracts, and typed handles
// for the deployer and for other (role-less) accounts.
import { type Address, getContract, type Hash, type PrivateKeyAccount, type TransactionReceipt } from 'viem';
import { registryAbi, tokenAbi, vaultAbi } from '../src/chain/abis.ts';
import { type Deployment, deployContracts } from '../src/chain/deployContracts.ts';
import { type EmbeddedChain, startEmbeddedChain } from '../src/chain/startEmbeddedChain.ts';
import { toChainError } from '../src/chain/toChainError.ts';

export type Fixture = Awaited<ReturnType<typeof deployFixture>>;

export function contractsFor(chain: EmbeddedChain, deployment: Deployment, account: PrivateKeyAccount) {
  const client = { public: chain.publicClient, wallet: chain.walletFor(account) };
  return {
    token: getContract({ address: deployment.token, abi: tokenAbi, client }),
    registry: getContract({ address: deployment.registry, abi: registryAbi, client }),
    vault: getContract({ address: deployment.vault, abi: vaultAbi, client }),
  };
}

export async function deployFixture(chain: EmbeddedChain) {
  const deployment = await deployContracts(chain.walletClient, chain.publicClient);
  const [deployer, ...others] = chain.accounts;
  return {
    chain,
    deployment,
    deployer,
    others,
    /** Contracts as the deployer, which holds every role. */
    admin: contractsFor(chain, deployment, deployer),
    /** Contracts as an account without roles. */
    as: (account: PrivateKeyAccount) => contractsFor(chain, deployment, account),
  };
}

export async function startFixtureChain(): Promise<EmbeddedChain> {
  return startEmbeddedChain({ accounts: 6 });
}

/** Waits for a transaction and fails the test if it did not succeed. */
export async function mined(chain: EmbeddedChain, hash: Promise<Hash>): Promise<TransactionReceipt> {
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
  return receipt;
}

/** The custom error name a write or call reverted with, as the service would see it through toChainError. */
export async function revertOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return String(toChainError(err, 'test call').details['revert'] ?? 'no revert data');
  }
  throw new Error('expected the call to revert');
}

export const balanceOf = (f: Fixture, who: Address) => f.admin.token.read.balanceOf([who]);
