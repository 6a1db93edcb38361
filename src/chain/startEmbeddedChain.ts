import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHardhatRuntimeEnvironment } from 'hardhat/hre';
import type { NetworkConnection } from 'hardhat/types/network';
import {
  type Chain,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type Hex,
  keccak256,
  type PrivateKeyAccount,
  parseEther,
  stringToHex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { toChainError } from './toChainError.ts';
import type { ChainPublicClient, ChainWalletClient } from './types.ts';

export type EmbeddedChainOptions = {
  /** Chain id; 31337 (Hardhat's) by default. */
  chainId?: number;
  /** Funded accounts, the deployer first. At least 1; 10 by default. */
  accounts?: number;
  /** Native balance of every account; 10,000 ETH by default. */
  balance?: bigint;
  /**
   * EVM hardfork. 'cancun' by default to match the contracts' compile target, so gas figures measured
   * here are those of the chains the bytecode is built for.
   */
  hardfork?: string;
  /** Viem polling interval in ms; blocks are mined on every transaction, so short polls waste nothing. */
  pollingInterval?: number;
};

export type EmbeddedChain = {
  /**
   * Unique to this chain instance. Two chains started in the same second share a genesis hash, so
   * the hash cannot tell a restarted chain from the old one.
   */
  instanceId: string;
  chain: Chain;
  publicClient: ChainPublicClient;
  /** Wallet client of the deployer, `accounts[0]`. */
  walletClient: ChainWalletClient;
  /** Funded local accounts; fixed keys, so addresses are the same on every run. */
  accounts: readonly PrivateKeyAccount[];
  /** A wallet client that signs as another funded account (tests, benchmarks, a second role holder). */
  walletFor(account: PrivateKeyAccount): ChainWalletClient;
  /** Stops the in-process chain; everything on it is gone. */
  close(): Promise<void>;
};

// hardhat resolves plugins and paths from a package root; this file lives at <root>/src/chain/.
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Development keys, derived from a public label: the same on every run so deployed addresses are
 * deterministic. Anyone can recompute them; never fund them on a real chain.
 */
export function embeddedPrivateKey(index: number): Hex {
  return keccak256(stringToHex(`potluck:embedded-chain:account:${index}`));
}

/**
 * Starts Hardhat's EDR simulated EVM in this process (automine, no network, no disk) and returns viem
 * clients over it. The chain starts empty every time: callers deploy contracts and replay their outbox.
 */
export async function startEmbeddedChain(options: EmbeddedChainOptions = {}): Promise<EmbeddedChain> {
  const chainId = options.chainId ?? 31337;
  const count = Math.max(1, options.accounts ?? 10);
  const balance = options.balance ?? parseEther('10000');
  const pollingInterval = options.pollingInterval ?? 10;
  const keys = Array.from({ length: count }, (_, i) => embeddedPrivateKey(i));

  let connection: NetworkConnection;
  try {
    const hre = await createHardhatRuntimeEnvironment(
      {
        networks: {
          potluck: {
            type: 'edr-simulated',
            chainId,
            hardfork: options.hardfork ?? 'cancun',
            accounts: keys.map((privateKey) => ({ privateKey, balance })),
          },
        },
      },
      {},
      projectRoot,
    );
    connection = await hre.network.create({ network: 'potluck' });
  } catch (err) {
    throw toChainError(err, 'Starting the embedded chain');
  }

  const chain = defineChain({
    id: chainId,
    name: 'Potluck embedded chain',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
  // In-process calls never fail transiently; viem's default retries only delay every revert by ~1 s.
  const transport = custom(connection.provider, { retryCount: 0 });
  const accounts = keys.map((key) => privateKeyToAccount(key));
  const walletFor = (account: PrivateKeyAccount): ChainWalletClient =>
    createWalletClient({ account, chain, transport, pollingInterval });
  const publicClient: ChainPublicClient = createPublicClient({ chain, transport, pollingInterval });

  let closed = false;
  return {
    instanceId: randomUUID(),
    chain,
    publicClient,
    walletClient: walletFor(accounts[0]),
    accounts,
    walletFor,
    async close() {
      if (closed) return;
      closed = true;
      await connection.close();
    },
  };
}
