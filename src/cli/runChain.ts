import { deployContracts } from '../chain/deployContracts.ts';
import { serveChainRpc } from '../chain/serveChainRpc.ts';
import { startEmbeddedChain } from '../chain/startEmbeddedChain.ts';
import type { Config } from '../config.ts';

/**
 * `potluck chain`: one development chain node for a whole cluster. The embedded EVM, with the
 * contracts deployed from its first development account, served over JSON-RPC on
 * CHAIN_NODE_HOST:CHAIN_NODE_PORT; every other process sets CHAIN_RPC_URL to it, so they all anchor
 * on the same chain. It keeps its state in memory: restarting it loses the chain (use a real node
 * in production). The addresses are the same on every start (they follow from a fixed key).
 */
export async function runChain(
  config: Config,
  out: (line: string) => void = (l) => process.stdout.write(l),
): Promise<number> {
  const chain = await startEmbeddedChain({ chainId: config.chain.chainId });
  try {
    const d = await deployContracts(chain.walletClient, chain.publicClient);
    const rpc = await serveChainRpc(chain, config.chainNode);
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    out(
      [
        `potluck chain: chain ${chain.chain.id} at ${rpc.url} (in memory: a restart starts it empty).`,
        `Contracts deployed from the development account ${d.deployer}; set on every process:`,
        `CHAIN_RPC_URL=${rpc.url}`,
        `CHAIN_ID=${chain.chain.id}`,
        `CHAIN_TOKEN_ADDRESS=${d.token}`,
        `CHAIN_REGISTRY_ADDRESS=${d.registry}`,
        `CHAIN_VAULT_ADDRESS=${d.vault}`,
        `CHAIN_START_BLOCK=${d.blockNumber}`,
        'CHAIN_PRIVATE_KEY=<development key 0> (README, Operating Potluck, gives it; it holds every role)',
        '',
      ].join('\n'),
    );
    await stopped;
    await rpc.close();
    return 0;
  } finally {
    await chain.close();
  }
}
