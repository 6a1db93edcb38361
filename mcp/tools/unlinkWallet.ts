import { z } from 'zod';
import { DESTRUCTIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { requireAccount } from '../mcpAuth.ts';

export const unlinkWallet = defineTool({
  name: 'unlink_wallet',
  title: 'Unlink your wallet',
  description:
    'Removes your linked wallet. Rewards already committed to it stay claimable by it; new earnings are not committed anywhere until you link another.',
  input: {},
  output: { address: z.string().nullable() },
  annotations: DESTRUCTIVE_IDEMPOTENT,
  run: (_args, { app, auth }) => app.wallets.unlink({ accountId: requireAccount(auth) }),
  render: (r) => (r.address ? `Unlinked ${r.address}.` : 'No wallet was linked.'),
});
