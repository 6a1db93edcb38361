import type { Account, Address, Chain, PublicClient, Transport, WalletClient } from 'viem';

/** A viem public client bound to a known chain: embedded EDR or any JSON-RPC endpoint. */
export type ChainPublicClient = PublicClient<Transport, Chain>;

/** A viem wallet client with a signing account, as the deployer, anchorer or root poster. */
export type ChainWalletClient = WalletClient<Transport, Chain, Account>;

/** Where the three Potluck contracts live on a chain. */
export type ContractAddresses = {
  token: Address;
  registry: Address;
  vault: Address;
};
