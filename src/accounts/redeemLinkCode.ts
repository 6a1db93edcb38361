import { z } from 'zod';
import { AppError } from '../errors.ts';
import { availableAccountOf } from '../ledger/availableAccountOf.ts';
import { postTransaction } from '../ledger/postTransaction.ts';
import type { Deps } from '../shared/deps.ts';
import { parseInput } from '../shared/parseInput.ts';
import { hashLinkCode } from './createLinkCode.ts';
import { identitySchema } from './identity.ts';

const params = z.object({ identity: identitySchema, code: z.string().trim().min(6).max(32) });
export interface RedeemLinkCodeResult {
  accountId: string;
  /** True when the identity was already on that account (nothing changed). */
  alreadyLinked: boolean;
}

/**
 * Joins `identity` to the account that issued the code. If the identity already has an account
 * of its own, that account must be fresh (no contributions, stakes, votes, datanets): its
 * identities and balance move over and it is marked merged. Accounts with history are not
 * merged, because their rows (votes, contributions) would have to change owner.
 */
export async function redeemLinkCode(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<RedeemLinkCodeResult> {
  const p = parseInput(params, input);
  return deps.sql.begin(async (tx) => {
    const [code] = await tx<{ account_id: string; expires_at: Date; used_at: Date | null }[]>`
      select account_id, expires_at, used_at from link_codes where code_hash = ${hashLinkCode(p.code)} for update`;
    if (!code || code.used_at || code.expires_at.getTime() <= deps.now().getTime()) {
      throw new AppError(
        'EXPIRED',
        'That link code is invalid, used or expired. Ask for a new one with /link.',
      );
    }
    const target = code.account_id;
    await tx`update link_codes set used_at = ${deps.now()}, used_by_identity = ${p.identity} where code_hash = ${hashLinkCode(p.code)}`;
    const [current] = await tx<
      { account_id: string }[]
    >`select account_id from identities where identity = ${p.identity}`;
    if (!current) {
      await tx`insert into identities (identity, account_id) values (${p.identity}, ${target})`;
      return { accountId: target, alreadyLinked: false };
    }
    const source = current.account_id;
    if (source === target) return { accountId: target, alreadyLinked: true };

    const [history] = await tx<{ n: number }[]>`
      select (select count(*) from contributions where contributor_account_id = ${source})
           + (select count(*) from votes where validator_account_id = ${source})
           + (select count(*) from validator_stakes where account_id = ${source} and amount > 0)
           + (select count(*) from datanets where owner_account_id = ${source}) as n`;
    if (Number(history.n) > 0) {
      throw new AppError(
        'CONFLICT',
        'This account already has its own activity, so it cannot be merged. Create the code from this account and redeem it from the other one instead.',
      );
    }
    const wallets = await tx<{ account_id: string }[]>`
      select account_id from identities where account_id in (${source}, ${target}) and identity like 'wallet:%'`;
    if (new Set(wallets.map((w) => w.account_id)).size > 1) {
      throw new AppError('CONFLICT', 'Both accounts have a linked wallet. Unlink one wallet first.');
    }
    const fromLedger = await availableAccountOf(tx, source);
    const [bal] = await tx<
      { balance: string }[]
    >`select balance from ledger_accounts where id = ${fromLedger}`;
    if (BigInt(bal.balance) > 0n) {
      await postTransaction(tx, {
        kind: 'account_merge',
        memo: { from: source, to: target },
        legs: [
          { ledgerAccountId: fromLedger, amount: -BigInt(bal.balance) },
          { ledgerAccountId: await availableAccountOf(tx, target), amount: BigInt(bal.balance) },
        ],
      });
    }
    await tx`update identities set account_id = ${target} where account_id = ${source}`;
    await tx`update api_keys set account_id = ${target} where account_id = ${source}`;
    await tx`update accounts set merged_into = ${target} where id = ${source}`;
    deps.log.info('accounts merged', { from: source, to: target });
    return { accountId: target, alreadyLinked: false };
  });
}
