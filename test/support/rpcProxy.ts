import { serveChainRpc } from '../../src/chain/serveChainRpc.ts';
import type { EmbeddedChain } from '../../src/chain/startEmbeddedChain.ts';

/**
 * Serves an embedded chain over JSON-RPC on HTTP, so the CHAIN_RPC_URL path (viem's http transport,
 * `potluck deploy`) runs against a real protocol without a node installed.
 */
export function serveRpc(chain: EmbeddedChain): Promise<{ url: string; close(): Promise<void> }> {
  return serveChainRpc(chain);
}
