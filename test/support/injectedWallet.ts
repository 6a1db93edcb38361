import type { BrowserContext } from 'playwright-core';
import { type Hex, numberToHex, type PrivateKeyAccount } from 'viem';
import type { ChainPort } from '../../src/chain/openChain.ts';

export interface TestWallet {
  account: PrivateKeyAccount;
  /** The chain the wallet is on now; a test puts it elsewhere to see the page switch it. */
  chainId: number;
  /** Refuse wallet_switchEthereumChain as a user would (EIP-1193 4001). */
  refuseSwitch: boolean;
  /** Every method the page asked for, in order. */
  calls: string[];
  /** The last personal_sign: the message (UTF-8) and the signature returned. */
  lastSigned: { message: string; signature: Hex } | null;
}

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An EIP-1193 wallet in every page of `context`: window.ethereum and an EIP-6963 announcement, each
 * request forwarded to Node, which signs with the test account and sends to the embedded chain.
 */
export async function injectWallet(
  context: BrowserContext,
  chain: ChainPort,
  wallet: TestWallet,
): Promise<void> {
  const rpc = (chain.publicClient.transport as unknown as { request: (a: unknown) => Promise<unknown> })
    .request;
  const sender = chain.embedded!.walletFor(wallet.account);
  const handle = async (method: string, params: unknown[]): Promise<unknown> => {
    wallet.calls.push(method);
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [wallet.account.address];
      case 'eth_chainId':
        return numberToHex(wallet.chainId);
      case 'wallet_switchEthereumChain': {
        if (wallet.refuseSwitch) throw new RpcError(4001, 'User rejected the request.');
        const want = Number((params[0] as { chainId: string }).chainId);
        if (want !== chain.chainId) throw new RpcError(4902, `Unrecognized chain ${want}.`);
        wallet.chainId = want;
        return null;
      }
      case 'personal_sign': {
        const [data] = params as [Hex];
        const signature = await wallet.account.signMessage({ message: { raw: data } });
        wallet.lastSigned = { message: Buffer.from(data.slice(2), 'hex').toString('utf8'), signature };
        return signature;
      }
      case 'eth_sendTransaction': {
        // A real wallet sends on the chain it is on; this one only knows the embedded chain.
        if (wallet.chainId !== chain.chainId)
          throw new RpcError(4100, `Wallet is on chain ${wallet.chainId}.`);
        const tx = (params[0] ?? {}) as { to: Hex; data?: Hex; value?: Hex };
        return sender.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
        });
      }
      default:
        return rpc({ method, params });
    }
  };
  await context.exposeFunction('__testWallet', async (method: string, paramsJson: string) => {
    try {
      return JSON.stringify({ result: await handle(method, JSON.parse(paramsJson)) });
    } catch (error) {
      const e = error as { code?: number; message?: string };
      return JSON.stringify({ error: { code: e.code ?? -32603, message: e.message ?? String(error) } });
    }
  });
  await context.addInitScript(() => {
    const call = (window as unknown as { __testWallet: (m: string, p: string) => Promise<string> })
      .__testWallet;
    const provider = {
      async request({ method, params }: { method: string; params?: unknown[] }) {
        const answer = JSON.parse(await call(method, JSON.stringify(params ?? [])));
        if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
        return answer.result;
      },
      on() {},
      removeListener() {},
    };
    (window as unknown as { ethereum: unknown }).ethereum = provider;
    const announce = () =>
      window.dispatchEvent(
        new CustomEvent('eip6963:announceProvider', {
          detail: Object.freeze({
            info: {
              uuid: '6c1a2f1e-0000-4000-8000-000000000001',
              name: 'Test Wallet',
              icon: 'data:,',
              rdns: 'test.wallet',
            },
            provider,
          }),
        }),
      );
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
  });
}
