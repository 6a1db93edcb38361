import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';

export const finishWalletLink = defineTool({
  name: 'finish_wallet_link',
  title: 'Link a wallet (step 2)',
  description:
    'Checks the signed message from start_wallet_link and links the wallet to your account, replacing a wallet linked before (rewards already committed to the old one stay claimable by it).',
  input: {
    message: z.string().min(1).max(4000).describe('the message from start_wallet_link, unchanged'),
    signature: z.string().regex(/^0x[0-9a-fA-F]+$/, 'must be a 0x-prefixed hex signature'),
    idempotencyKey: idempotencyKeyInput.optional(),
  },
  output: {
    accountId: z.string(),
    address: z.string(),
    replaced: z.string().nullable(),
    alreadyLinked: z.boolean(),
  },
  // Replaces any previously linked wallet.
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (args, { app, auth }) => app.wallets.finishLink({ ...args, accountId: requireAccount(auth) }),
  render: (r) =>
    r.alreadyLinked
      ? `${r.address} was already your wallet.`
      : `Linked ${r.address}${r.replaced ? `, replacing ${r.replaced}` : ''}.`,
});
