import { type Address, type Hex, keccak256 } from 'viem';
import type { Config } from '../../config.ts';
import type { ChainPort } from '../openChain.ts';
import type { ChainWalletClient } from '../types.ts';
import type { OutboxCall } from './outboxCall.ts';

export interface SignedWrite {
  rawTx: Hex;
  hash: Hex;
  nonce: number;
  signer: Address;
}

/**
 * Estimates, prices and signs `call` at `nonce` without sending it. Signing first lets the worker store
 * the exact transaction (and its hash) before anything reaches the chain. A call that would revert fails
 * here, at estimation, with the contract's error name and without spending gas.
 */
export async function signChainWrite(
  chain: ChainPort,
  gas: Pick<Config['chain'], 'gasBufferBps' | 'maxFeePerGas' | 'maxPriorityFeePerGas'>,
  call: OutboxCall,
  nonce: number,
  wallet: ChainWalletClient = chain.walletClient,
): Promise<SignedWrite> {
  const account = wallet.account;
  const estimate = await chain.publicClient.estimateContractGas({
    address: call.address,
    abi: call.abi,
    functionName: call.functionName,
    args: call.args,
    account,
  } as Parameters<typeof chain.publicClient.estimateContractGas>[0]);
  const fees =
    gas.maxFeePerGas !== undefined
      ? {
          maxFeePerGas: gas.maxFeePerGas,
          maxPriorityFeePerGas: gas.maxPriorityFeePerGas ?? gas.maxFeePerGas,
        }
      : gas.maxPriorityFeePerGas !== undefined
        ? { maxPriorityFeePerGas: gas.maxPriorityFeePerGas }
        : {};
  const request = await wallet.prepareTransactionRequest({
    account,
    chain: wallet.chain,
    to: call.address,
    data: call.data,
    nonce,
    gas: (estimate * BigInt(10_000 + gas.gasBufferBps)) / 10_000n,
    ...fees,
  });
  const rawTx = await wallet.signTransaction(request as Parameters<typeof wallet.signTransaction>[0]);
  return { rawTx, hash: keccak256(rawTx), nonce, signer: account.address };
}
