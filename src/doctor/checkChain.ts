import { createPublicClient, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Config } from '../config.ts';
import { redactUrl } from '../db/openDatabase.ts';
import { type DoctorCheck, reason, TIMEOUT_MS } from './doctorCheck.ts';

export async function checkChain(config: Config): Promise<DoctorCheck> {
  const c = config.chain;
  if (!c.rpcUrl) {
    return {
      name: 'chain',
      ready: true,
      detail: `embedded EVM (chain ${c.chainId}): runs in process; contracts are deployed at start`,
    };
  }
  const where = redactUrl(c.rpcUrl);
  if (!c.addresses) {
    return {
      name: 'chain',
      ready: false,
      detail: `${where}: no contract addresses configured`,
      fix: 'run potluck deploy and set the CHAIN_*_ADDRESS variables it prints',
    };
  }
  try {
    const client = createPublicClient({ transport: http(c.rpcUrl, { timeout: TIMEOUT_MS, retryCount: 0 }) });
    const chainId = await client.getChainId();
    if (chainId !== c.chainId) {
      return {
        name: 'chain',
        ready: false,
        detail: `${where} serves chain ${chainId}, but CHAIN_ID is ${c.chainId}`,
        fix: 'set CHAIN_ID to the chain you mean, or point CHAIN_RPC_URL at it',
      };
    }
    const missing: string[] = [];
    for (const [contract, address] of Object.entries(c.addresses)) {
      const code = await client.getCode({ address });
      if (!code || code === '0x') missing.push(`${contract} ${address}`);
    }
    if (missing.length > 0) {
      return {
        name: 'chain',
        ready: false,
        detail: `chain ${chainId}: no contract at ${missing.join(', ')}`,
        fix: 'check the CHAIN_*_ADDRESS variables, or run potluck deploy',
      };
    }
    const signer = c.privateKey ? privateKeyToAccount(c.privateKey).address : null;
    const gas = signer ? await client.getBalance({ address: signer }) : 0n;
    if (signer && gas === 0n) {
      return {
        name: 'chain',
        ready: false,
        detail: `chain ${chainId}: contracts found, but the signer ${signer} has no gas`,
        fix: `send some native currency to ${signer}`,
      };
    }
    return {
      name: 'chain',
      ready: true,
      detail: `${where}: chain ${chainId}, token, registry and vault have code; signer ${signer} has gas`,
    };
  } catch (error) {
    return {
      name: 'chain',
      ready: false,
      detail: `cannot use ${where}: ${reason(error)}`,
      fix: 'check CHAIN_RPC_URL, or unset it to run the embedded chain',
    };
  }
}
