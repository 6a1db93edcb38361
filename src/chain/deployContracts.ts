import { type Address, getContractAddress, type Hash, isAddressEqual } from 'viem';
import { registryAbi, registryBytecode, tokenAbi, tokenBytecode, vaultAbi, vaultBytecode } from './abis.ts';
import { ROLES } from './roles.ts';
import { toChainError } from './toChainError.ts';
import type { ChainPublicClient, ChainWalletClient, ContractAddresses } from './types.ts';

export type DeployOptions = {
  /** Also grant ANCHOR_ROLE on the registry to this address (the deployer always has it). */
  anchorer?: Address;
  /** Also grant ROOT_POSTER_ROLE on the vault to this address (the deployer always has it). */
  rootPoster?: Address;
};

export type Deployment = ContractAddresses & {
  deployer: Address;
  /** Block of the last deployment or role-grant transaction; event scans can start here. */
  blockNumber: bigint;
};

/**
 * Deploys PotluckToken, AttributionRegistry and RewardVault from the wallet's account, which becomes
 * admin, minter, anchorer, root poster and pauser. Addresses follow from the deployer's nonce alone
 * (token at n, registry at n + 1, vault at n + 2), so on a fresh embedded chain they are the same on
 * every boot and a replayed outbox targets the same contracts.
 */
export async function deployContracts(
  walletClient: ChainWalletClient,
  publicClient: ChainPublicClient,
  options: DeployOptions = {},
): Promise<Deployment> {
  const deployer = walletClient.account.address;
  try {
    const nonce = await publicClient.getTransactionCount({ address: deployer, blockTag: 'pending' });
    const predicted: ContractAddresses = {
      token: getContractAddress({ from: deployer, nonce: BigInt(nonce) }),
      registry: getContractAddress({ from: deployer, nonce: BigInt(nonce + 1) }),
      vault: getContractAddress({ from: deployer, nonce: BigInt(nonce + 2) }),
    };
    // Explicit nonces let all three go out before any is mined without depending on the node's
    // pending-nonce view, and pin each contract to its predicted address.
    const deployments: Hash[] = [
      await walletClient.deployContract({ abi: tokenAbi, bytecode: tokenBytecode, args: [deployer], nonce }),
      await walletClient.deployContract({
        abi: registryAbi,
        bytecode: registryBytecode,
        args: [deployer],
        nonce: nonce + 1,
      }),
      await walletClient.deployContract({
        abi: vaultAbi,
        bytecode: vaultBytecode,
        args: [predicted.token, deployer],
        nonce: nonce + 2,
      }),
    ];
    let blockNumber = 0n;
    const expected = [predicted.token, predicted.registry, predicted.vault];
    for (const [i, hash] of deployments.entries()) {
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success' || !receipt.contractAddress) {
        throw new Error(`deployment transaction ${hash} failed`);
      }
      if (!isAddressEqual(receipt.contractAddress, expected[i])) {
        throw new Error(`contract deployed at ${receipt.contractAddress}, expected ${expected[i]}`);
      }
      blockNumber = receipt.blockNumber;
    }

    const grants: Hash[] = [];
    if (options.anchorer && !isAddressEqual(options.anchorer, deployer)) {
      grants.push(
        await walletClient.writeContract({
          address: predicted.registry,
          abi: registryAbi,
          functionName: 'grantRole',
          args: [ROLES.anchor, options.anchorer],
        }),
      );
    }
    if (options.rootPoster && !isAddressEqual(options.rootPoster, deployer)) {
      grants.push(
        await walletClient.writeContract({
          address: predicted.vault,
          abi: vaultAbi,
          functionName: 'grantRole',
          args: [ROLES.rootPoster, options.rootPoster],
        }),
      );
    }
    for (const hash of grants) {
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`role grant ${hash} failed`);
      blockNumber = receipt.blockNumber;
    }
    return { ...predicted, deployer, blockNumber };
  } catch (err) {
    throw toChainError(err, 'Deploying the Potluck contracts', { deployer });
  }
}
