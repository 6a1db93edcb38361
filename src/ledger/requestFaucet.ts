import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { postTransaction } from './postTransaction.ts';

const params = z.object({ accountId: idSchema, idempotencyKey: z.string().min(1).max(200) });
export interface RequestFaucetResult {
  amount: bigint;
  txId: string;
  replayed: boolean;
}

/** Development funds so the embedded demo can pay fees; refused unless DEV_FAUCET_ENABLED. */
export async function requestFaucet(deps: Deps, input: z.input<typeof params>): Promise<RequestFaucetResult> {
  const p = parseInput(params, input);
  if (!deps.config.faucet.enabled) {
    throw new AppError('FORBIDDEN', 'The development faucet is off on this server (DEV_FAUCET_ENABLED).');
  }
  const amount = deps.config.faucet.amount;
  const { txId, replayed } = await postTransaction(deps.sql, {
    kind: 'faucet',
    idempotencyKey: `faucet:${p.accountId}:${p.idempotencyKey}`,
    memo: { accountId: p.accountId },
    legs: [
      { ledgerAccountId: deps.system.faucet, amount: -amount },
      { ownerAccountId: p.accountId, amount },
    ],
    once: { accountId: p.accountId, key: p.idempotencyKey, operation: 'faucet', request: p },
  });
  return { amount, txId, replayed };
}
