import { createPublicClient, createWalletClient, defineChain, getContractAddress, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Config } from '../config.ts';
import type { Sql } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../shared/createLogger.ts';
import { registryAbi, vaultAbi } from './abis.ts';
import { claimEmbeddedChain } from './claimEmbeddedChain.ts';
import { deployContracts } from './deployContracts.ts';
import { ROLES } from './roles.ts';
import { type EmbeddedChain, startEmbeddedChain } from './startEmbeddedChain.ts';
import { toChainError } from './toChainError.ts';
import type { ChainPublicClient, ChainWalletClient, ContractAddresses } from './types.ts';

/** The chain as the use cases see it: embedded EDR or a real JSON-RPC chain, with the Potluck contracts. */
export interface ChainPort {
  kind: 'embedded' | 'rpc';
  chainId: number;
  /**
   * Names this chain instance for event cursors and deposit keys. An embedded chain starts empty on
   * every boot, so it gets a fresh key each time; a real chain is its id plus the vault address.
   */
  key: string;
  publicClient: ChainPublicClient;
  /** The service signer: anchors, posts epoch roots and, on the embedded chain, mints vault funding. */
  walletClient: ChainWalletClient;
  /**
   * Embedded only: sends claims for users from its own account, so its nonces never race the
   * outbox worker's.
   */
  relayer?: ChainWalletClient;
  addresses: ContractAddresses;
  /** First block worth scanning for vault events. */
  startBlock: bigint;
  confirmations: number;
  /** True when this boot deployed onto an empty embedded chain: the outbox must be replayed onto it. */
  needsReplay: boolean;
  /** The in-process chain (tests use its funded accounts). */
  embedded?: EmbeddedChain;
  close(): Promise<void>;
}

export interface OpenChainOptions {
  log: Logger;
  /** Reuse this embedded chain instead of starting one (tests); it is not closed with the port. */
  embedded?: EmbeddedChain;
  /**
   * The shared PostgreSQL this process uses, if any: an embedded chain is then started only while
   * this process holds the database's embedded-chain lock (claimEmbeddedChain).
   */
  sharedDatabase?: Sql;
}

/**
 * Opens the chain named by config: with CHAIN_RPC_URL a real chain (addresses from config, checked to
 * hold code), otherwise an embedded EDR chain with the contracts deployed at their deterministic
 * addresses. An embedded chain that already has them (one reused across app instances) is not redeployed.
 */
export async function openChain(config: Config['chain'], options: OpenChainOptions): Promise<ChainPort> {
  return config.rpcUrl ? openRpcChain(config, config.rpcUrl, options.log) : openEmbedded(config, options);
}

async function openEmbedded(config: Config['chain'], options: OpenChainOptions): Promise<ChainPort> {
  const owned = !options.embedded;
  const release =
    owned && options.sharedDatabase ? await claimEmbeddedChain(options.sharedDatabase) : async () => {};
  let embedded: EmbeddedChain | undefined;
  try {
    embedded = options.embedded ?? (await startEmbeddedChain({ chainId: config.chainId }));
    const chain = embedded;
    const { publicClient, walletClient } = chain;
    const deployer = walletClient.account.address;
    const sent = await publicClient.getTransactionCount({ address: deployer });
    let addresses: ContractAddresses;
    let startBlock = 0n;
    if (sent === 0) {
      const d = await deployContracts(walletClient, publicClient);
      addresses = { token: d.token, registry: d.registry, vault: d.vault };
      startBlock = d.blockNumber;
    } else {
      // deployContracts put them at the deployer's first three nonces.
      addresses = {
        token: getContractAddress({ from: deployer, nonce: 0n }),
        registry: getContractAddress({ from: deployer, nonce: 1n }),
        vault: getContractAddress({ from: deployer, nonce: 2n }),
      };
    }
    return {
      kind: 'embedded',
      chainId: chain.chain.id,
      key: `embedded:${chain.instanceId}`,
      publicClient,
      walletClient,
      relayer: chain.walletFor(chain.accounts[Math.min(1, chain.accounts.length - 1)]),
      addresses,
      startBlock,
      confirmations: config.confirmations,
      needsReplay: sent === 0,
      embedded: chain,
      close: async () => {
        if (owned) await chain.close();
        await release();
      },
    };
  } catch (err) {
    if (owned) await embedded?.close();
    await release();
    throw toChainError(err, 'Starting the embedded chain');
  }
}

async function openRpcChain(config: Config['chain'], rpcUrl: string, log: Logger): Promise<ChainPort> {
  if (!config.privateKey)
    throw new AppError('BAD_CONFIG', 'CHAIN_PRIVATE_KEY is required with CHAIN_RPC_URL.');
  if (!config.addresses) {
    throw new AppError(
      'BAD_CONFIG',
      'Set CHAIN_TOKEN_ADDRESS, CHAIN_REGISTRY_ADDRESS and CHAIN_VAULT_ADDRESS (run `potluck deploy` to deploy the contracts and print them).',
    );
  }
  const addresses = config.addresses;
  const { publicClient, walletClient } = rpcClients(config, rpcUrl);
  try {
    const actual = await publicClient.getChainId();
    if (actual !== config.chainId) {
      throw new AppError(
        'BAD_CONFIG',
        `CHAIN_RPC_URL serves chain ${actual}, but CHAIN_ID is ${config.chainId}.`,
      );
    }
    for (const [name, address] of Object.entries(addresses)) {
      const code = await publicClient.getCode({ address });
      if (!code || code === '0x') {
        throw new AppError('BAD_CONFIG', `No contract at the ${name} address ${address} on chain ${actual}.`);
      }
    }
    const signer = walletClient.account.address;
    const [anchor, poster] = await Promise.all([
      publicClient.readContract({
        address: addresses.registry,
        abi: registryAbi,
        functionName: 'hasRole',
        args: [ROLES.anchor, signer],
      }),
      publicClient.readContract({
        address: addresses.vault,
        abi: vaultAbi,
        functionName: 'hasRole',
        args: [ROLES.rootPoster, signer],
      }),
    ]);
    // Not fatal: roles may be granted later; the outbox retries and names the revert meanwhile.
    if (!anchor || !poster) log.warn('chain signer lacks a role', { signer, anchor, rootPoster: poster });
  } catch (err) {
    throw toChainError(err, 'Connecting to CHAIN_RPC_URL');
  }
  return {
    kind: 'rpc',
    chainId: config.chainId,
    key: `${config.chainId}:${addresses.vault.toLowerCase()}`,
    publicClient,
    walletClient,
    addresses,
    startBlock: config.startBlock,
    confirmations: config.confirmations,
    needsReplay: false,
    // Plain HTTP holds no connection open.
    close: async () => {},
  };
}

/** viem clients for a JSON-RPC endpoint, signing with CHAIN_PRIVATE_KEY (also used by `potluck deploy`). */
export function rpcClients(
  config: Config['chain'],
  rpcUrl: string,
): { publicClient: ChainPublicClient; walletClient: ChainWalletClient } {
  if (!config.privateKey)
    throw new AppError('BAD_CONFIG', 'CHAIN_PRIVATE_KEY is required with CHAIN_RPC_URL.');
  const chain = defineChain({
    id: config.chainId,
    name: `chain ${config.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl);
  const account = privateKeyToAccount(config.privateKey);
  return {
    publicClient: createPublicClient({ chain, transport, pollingInterval: 1000 }),
    walletClient: createWalletClient({ account, chain, transport }),
  };
}
