import type postgres from 'postgres';
import { type Hex, isAddressEqual, recoverMessageAddress } from 'viem';
import { parseSiweMessage, validateSiweMessage, verifySiweMessage } from 'viem/siwe';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { withOptionalIdempotency } from '../shared/withIdempotency.ts';
import { removeWalletIdentity, walletIdentity } from './accountStore.ts';

const params = z.object({
  accountId: idSchema,
  message: z.string().min(1).max(4000),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, 'must be a 0x-prefixed hex signature'),
  /** Optional: a retry with the same key replays the first result; another request with it is a CONFLICT. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type FinishWalletLinkParams = z.input<typeof params>;
export interface FinishWalletLinkResult {
  accountId: string;
  address: string;
  /** The wallet this one replaced, if the account had another. */
  replaced: string | null;
  /** True when this wallet was already the account's: nothing changed. */
  alreadyLinked: boolean;
}

const refuse = (message: string) => new AppError('UNAUTHENTICATED', message);

/**
 * Verifies a signed Sign-In with Ethereum message from `startWalletLink` and links the wallet as the
 * identity `wallet:<lowercase address>`. Refused: a nonce this account was not given, already used or
 * expired; a message for another domain, URI, chain or address; a bad signature (EOA, or ERC-1271 /
 * ERC-6492 smart-account signatures checked on the configured chain).
 *
 * Relinking rules:
 * - An account has at most one wallet. Linking a new wallet replaces the old one (kept in history).
 * - A wallet linked to another account is refused; that account must link another wallet or unlink.
 * - Rewards already committed to an epoch belong to the wallet they were committed to: a replaced wallet
 *   can still claim them (its leaf stays in every later epoch root until claimed). New commitments go
 *   to the wallet linked at settlement time.
 * - Two accounts that both have wallets cannot be merged with a link code (redeemLinkCode).
 */
export async function finishWalletLink(
  deps: Deps,
  input: FinishWalletLinkParams,
): Promise<FinishWalletLinkResult> {
  const p = parseInput(params, input);
  let parsed: ReturnType<typeof parseSiweMessage>;
  try {
    parsed = parseSiweMessage(p.message);
  } catch {
    throw refuse(
      'That is not a Sign-In with Ethereum message. Sign the message from the link step unchanged.',
    );
  }
  if (!parsed.nonce || !parsed.address)
    throw refuse('The message has no nonce or address. Start linking again.');
  const now = deps.now();
  const siwe = deps.config.siwe;
  return deps.sql
    .begin(async (tx) => {
      const scope = { accountId: p.accountId, key: p.idempotencyKey, operation: 'wallet.link', request: p };
      const { result } = await withOptionalIdempotency(tx, scope, () => linkIn(tx));
      return result;
    })
    .catch((error: unknown) => {
      // Another account linked the same wallet at the same moment: the identity's primary key decided.
      if ((error as { code?: string }).code === '23505') {
        throw new AppError(
          'CONFLICT',
          'This wallet is linked to another Potluck account. Unlink it there first.',
        );
      }
      throw error;
    });

  async function linkIn(tx: postgres.TransactionSql): Promise<FinishWalletLinkResult> {
    const [issued] = await tx<
      { account_id: string; address: string; chain_id: string; expires_at: Date; used_at: Date | null }[]
    >`select account_id, address, chain_id, expires_at, used_at from wallet_link_nonces where nonce = ${parsed.nonce!} for update`;
    if (!issued || issued.account_id !== p.accountId)
      throw refuse('Unknown sign-in nonce. Start linking again.');
    if (issued.used_at) {
      throw new AppError(
        'EXPIRED',
        'This sign-in message was already used. Start linking again for a new one.',
      );
    }
    if (issued.expires_at.getTime() <= now.getTime()) {
      throw new AppError('EXPIRED', 'This sign-in message has expired. Start linking again for a new one.');
    }
    if (parsed.domain !== siwe.domain)
      throw refuse(`The message is for ${parsed.domain}, not ${siwe.domain}.`);
    if (parsed.uri !== siwe.uri) throw refuse(`The message is for ${parsed.uri}, not ${siwe.uri}.`);
    if (parsed.chainId !== Number(issued.chain_id)) {
      throw refuse(
        `The message is for chain ${parsed.chainId}; this server links wallets on chain ${issued.chain_id}.`,
      );
    }
    if (!isAddressEqual(parsed.address!, issued.address as Hex)) {
      throw refuse('The message names a different wallet than the one being linked.');
    }
    if (!(await signatureValid(deps, p.message, p.signature as Hex, parsed.nonce!, now))) {
      throw refuse(
        'The signature does not match the message and wallet. Sign it with the wallet being linked.',
      );
    }
    await tx`update wallet_link_nonces set used_at = ${now} where nonce = ${parsed.nonce!}`;

    const address = issued.address;
    const identity = walletIdentity(address);
    const [holder] = await tx<{ account_id: string }[]>`
      select account_id from identities where identity = ${identity} for update`;
    if (holder && holder.account_id !== p.accountId) {
      throw new AppError(
        'CONFLICT',
        'This wallet is linked to another Potluck account. Unlink it there first.',
      );
    }
    if (holder) return { accountId: p.accountId, address, replaced: null, alreadyLinked: true };
    const replaced = await removeWalletIdentity(tx, p.accountId);
    await tx`
      update wallet_links set unlinked_at = ${now}, unlink_reason = 'replaced'
      where account_id = ${p.accountId} and unlinked_at is null`;
    await tx`insert into identities (identity, account_id) values (${identity}, ${p.accountId})`;
    await tx`insert into wallet_links (account_id, address, linked_at) values (${p.accountId}, ${address}, ${now})`;
    await deps.anchoring.recordAccountRefs(tx, [p.accountId]);
    deps.log.info('wallet linked', { accountId: p.accountId, address, replaced });
    return { accountId: p.accountId, address, replaced, alreadyLinked: false };
  }
}

async function signatureValid(deps: Deps, message: string, signature: Hex, nonce: string, time: Date) {
  const domain = deps.config.siwe.domain;
  try {
    if (deps.chain) {
      return await verifySiweMessage(deps.chain.publicClient, { message, signature, domain, nonce, time });
    }
    // Without a chain only plain (EOA) signatures can be checked.
    const parsed = parseSiweMessage(message);
    if (!validateSiweMessage({ message: parsed, domain, nonce, time })) return false;
    return isAddressEqual(await recoverMessageAddress({ message, signature }), parsed.address!);
  } catch {
    return false;
  }
}
