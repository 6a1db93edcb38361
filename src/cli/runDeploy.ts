import { deployContracts } from '../chain/deployContracts.ts';
import { rpcClients } from '../chain/openChain.ts';
import type { Config } from '../config.ts';

/**
 * `potluck deploy`: deploys the token, registry and vault to CHAIN_RPC_URL from CHAIN_PRIVATE_KEY
 * (which becomes admin, anchorer, root poster and pauser) and prints the variables to configure.
 * Production may point CHAIN_TOKEN_ADDRESS at any other ERC-20 instead; the vault then needs
 * redeploying against it.
 */
export async function runDeploy(
  config: Config,
  out: (line: string) => void = (l) => process.stdout.write(l),
): Promise<number> {
  const rpcUrl = config.chain.rpcUrl;
  if (!rpcUrl || !config.chain.privateKey) {
    process.stderr.write(
      'potluck deploy needs CHAIN_RPC_URL and CHAIN_PRIVATE_KEY (the embedded chain deploys by itself at start).\n',
    );
    return 2;
  }
  const { publicClient, walletClient } = rpcClients(config.chain, rpcUrl);
  const actual = await publicClient.getChainId();
  if (actual !== config.chain.chainId) {
    process.stderr.write(`CHAIN_RPC_URL serves chain ${actual}, but CHAIN_ID is ${config.chain.chainId}.\n`);
    return 2;
  }
  const d = await deployContracts(walletClient, publicClient);
  out(
    [
      `Deployed the Potluck contracts to chain ${actual} from ${d.deployer}. Add to your environment:`,
      `CHAIN_TOKEN_ADDRESS=${d.token}`,
      `CHAIN_REGISTRY_ADDRESS=${d.registry}`,
      `CHAIN_VAULT_ADDRESS=${d.vault}`,
      `CHAIN_START_BLOCK=${d.blockNumber}`,
      '',
    ].join('\n'),
  );
  return 0;
}
