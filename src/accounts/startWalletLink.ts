import { randomBytes } from 'node:crypto';
import { getAddress } from 'viem';
import { createSiweMessage } from 'viem/siwe';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { walletIdentity } from './accountStore.ts';

const params = z.object({
  accountId: idSchema,
  /** The wallet to link: an EIP-4361 message names the address that signs it. */
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 0x-prefixed wallet address'),
});
export type StartWalletLinkParams = z.input<typeof params>;
export interface StartWalletLinkResult {
  /** The Sign-In with Ethereum message to sign with the wallet, unchanged. */
  message: string;
  address: string;
  nonce: string;
  chainId: number;
  expiresAt: Date;
}

/**
 * First step of linking a wallet: an EIP-4361 message for this server's domain, URI and chain with a
 * fresh single-use nonce bound to the account and address, valid for SIWE_EXPIRY_SECONDS. The wallet
 * signs it and `finishWalletLink` checks it. Relinking rules are on `finishWalletLink`.
 */
export async function startWalletLink(
  deps: Deps,
  input: StartWalletLinkParams,
): Promise<StartWalletLinkResult> {
  const p = parseInput(params, input);
  const address = p.address.toLowerCase();
  const [account] = await deps.sql<{ merged_into: string | null }[]>`
    select merged_into from accounts where id = ${p.accountId}`;
  if (!account || account.merged_into) throw notFound('Account', p.accountId);
  const [holder] = await deps.sql<{ account_id: string }[]>`
    select account_id from identities where identity = ${walletIdentity(address)}`;
  if (holder && holder.account_id !== p.accountId) {
    throw new AppError(
      'CONFLICT',
      'This wallet is linked to another Potluck account. Unlink it there first.',
    );
  }
  const siwe = deps.config.siwe;
  const chainId = deps.chain?.chainId ?? deps.config.chain.chainId;
  // viem's generateSiweNonce uses Math.random; a link nonce guards an account, so it comes from the CSPRNG.
  const nonce = randomBytes(16).toString('hex');
  const issuedAt = deps.now();
  const expiresAt = new Date(issuedAt.getTime() + siwe.expirySeconds * 1000);
  const message = createSiweMessage({
    address: getAddress(address),
    chainId,
    domain: siwe.domain,
    uri: siwe.uri,
    version: '1',
    nonce,
    statement: siwe.statement,
    issuedAt,
    expirationTime: expiresAt,
  });
  await deps.sql`
    insert into wallet_link_nonces (nonce, account_id, address, chain_id, issued_at, expires_at)
    values (${nonce}, ${p.accountId}, ${address}, ${chainId}, ${issuedAt}, ${expiresAt})`;
  return { message, address, nonce, chainId, expiresAt };
}
