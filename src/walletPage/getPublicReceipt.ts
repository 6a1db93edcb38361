import type { Hex } from 'viem';
import { z } from 'zod';
import { registryAbi } from '../chain/abis.ts';
import { getReceipt, type ReceiptView } from '../inference/getReceipt.ts';
import { receiptLeafOf } from '../inference/receiptLeaf.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';

const params = z.object({ receiptId: idSchema });
export interface PublicReceipt {
  receipt: ReceiptView;
  /**
   * The registry's own answer for the anchored leaf and proof: true or false; null when the
   * receipt is not anchored yet, the root has not reached the chain, or there is no chain.
   */
  verifiesOnChain: boolean | null;
}

/**
 * The receipt page: the public receipt (never the prompt or answer text) and whether its anchored
 * proof verifies on chain, asked of the registry's `verifyReceipt` rather than recomputed here.
 */
export async function getPublicReceipt(deps: Deps, input: z.input<typeof params>): Promise<PublicReceipt> {
  const p = parseInput(params, input);
  const receipt = await getReceipt(deps, { receiptId: p.receiptId });
  const chain = deps.chain;
  if (!receipt.anchor || !chain) return { receipt, verifiesOnChain: null };
  const leaf = receiptLeafOf({
    id: receipt.receiptId,
    model_id: receipt.modelId,
    fee: receipt.fee,
    receipt_hash: receipt.receiptHash,
  });
  try {
    const ok = await chain.publicClient.readContract({
      address: chain.addresses.registry,
      abi: registryAbi,
      functionName: 'verifyReceipt',
      args: [
        BigInt(receipt.anchor.epoch),
        leaf.receiptId,
        leaf.modelId,
        leaf.fee,
        leaf.receiptHash,
        receipt.anchor.proof as Hex[],
      ],
    });
    if (ok) return { receipt, verifiesOnChain: true };
    // A root still in the outbox reads as zero on chain: that is "not yet", not "does not verify".
    const epoch = await chain.publicClient.readContract({
      address: chain.addresses.registry,
      abi: registryAbi,
      functionName: 'receiptEpoch',
      args: [BigInt(receipt.anchor.epoch)],
    });
    return { receipt, verifiesOnChain: /^0x0+$/.test(epoch.root) ? null : false };
  } catch {
    return { receipt, verifiesOnChain: null };
  }
}
