import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { receiptViewOut } from '../modelWireSchemas.ts';
import { tokens } from '../tokens.ts';

export const getReceipt = defineTool({
  name: 'get_receipt',
  title: 'Get a receipt',
  description:
    'The receipt of a paid call: fee, split, attributed contributions and payouts, and its on-chain anchor once its epoch is cut, with the URL of its public receipt page (which also says whether the anchored proof verifies on chain). Receipts are public; the prompt and answer text are shown only to the caller who paid.',
  input: { receiptId: idInput('Receipt') },
  output: { receipt: receiptViewOut, pageUrl: z.string() },
  annotations: READ_ONLY,
  run: async (args, { app, auth }) => ({
    receipt: await app.inference.getReceipt({
      receiptId: args.receiptId,
      viewerAccountId: auth.accountId ?? undefined,
    }),
    pageUrl: `${app.config.walletPage.publicUrl}/receipts/${args.receiptId}`,
  }),
  render: ({ receipt: r, pageUrl }) =>
    `Receipt #${r.receiptId} for model #${r.modelId}: fee ${tokens(r.fee)} (developer ${tokens(r.parts.developer)}, ` +
    `data ${tokens(r.parts.data)}, validators ${tokens(r.parts.validators)}, protocol ${tokens(r.parts.protocol)}); ` +
    `${r.attribution.contributions.length} contribution(s) credited; hash ${r.receiptHash}` +
    (r.anchor ? `; anchored in epoch ${r.anchor.epoch}` : '; not anchored yet') +
    `. Public page: ${pageUrl}`,
});
