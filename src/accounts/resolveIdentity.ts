import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { createAccount } from './createAccount.ts';
import { identitySchema } from './identity.ts';

const params = z.object({
  identity: identitySchema,
  displayName: z.string().max(100).optional(),
});
export type ResolveIdentityParams = z.input<typeof params>;
export interface ResolveIdentityResult {
  accountId: string;
  created: boolean;
}

/**
 * The account behind a Discord or Telegram user, created on their first action so nobody has
 * to "sign up". Wallet and API-key identities are only ever created by linking or key creation.
 */
export async function resolveIdentity(
  deps: Deps,
  input: ResolveIdentityParams,
): Promise<ResolveIdentityResult> {
  const p = parseInput(params, input);
  const [found] = await deps.sql<
    { account_id: string }[]
  >`select account_id from identities where identity = ${p.identity}`;
  if (found) return { accountId: found.account_id, created: false };
  if (!p.identity.startsWith('discord:') && !p.identity.startsWith('telegram:')) {
    throw new AppError('UNAUTHENTICATED', 'Unknown identity. Link a wallet or create an API key first.');
  }
  return deps.sql
    .begin(async (tx) => {
      const acct = await createAccount(tx, 'person', p.displayName ?? '');
      const claimed = await tx<{ account_id: string }[]>`
      insert into identities (identity, account_id) values (${p.identity}, ${acct.id})
      on conflict (identity) do nothing returning account_id`;
      if (claimed.length === 0) {
        // Another request created it first: use theirs; this transaction's account is rolled back.
        const [other] = await tx<
          { account_id: string }[]
        >`select account_id from identities where identity = ${p.identity}`;
        throw new ResolvedElsewhere(other.account_id);
      }
      return { accountId: acct.id, created: true };
    })
    .catch((error) => {
      if (error instanceof ResolvedElsewhere) return { accountId: error.accountId, created: false };
      throw error;
    });
}

class ResolvedElsewhere extends Error {
  constructor(readonly accountId: string) {
    super('resolved elsewhere');
  }
}
