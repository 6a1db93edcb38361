import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';
import { receiptViewOut } from '../modelWireSchemas.ts';
import { tokens } from '../tokens.ts';

export const getReceipt = defineTool({
  name: 'get_receipt',
  title: 'Get a receipt',
  description:
    'The receipt of a paid call: fee, split, attributed contributions and payouts, and its on-chain anchor once its epoch is cut. Receipts are public; the prompt and answer text are shown only to the caller who paid.',
  input: { receiptId: idInput('Receipt') },
  output: { receipt: receiptViewOut },
  annotations: READ_ONLY,
  run: async (args, { app, auth }) => ({
    receipt: await app.inference.getReceipt({
      receiptId: args.receiptId,
      viewerAccountId: auth.accountId ?? undefined,
    }),
  }),
  render: ({ receipt: r }) =>
    `Receipt #${r.receiptId} for model #${r.modelId}: fee ${tokens(r.fee)} (developer ${tokens(r.parts.developer)}, ` +
    `data ${tokens(r.parts.data)}, validators ${tokens(r.parts.validators)}, protocol ${tokens(r.parts.protocol)}); ` +
    `${r.attribution.contributions.length} contribution(s) credited; hash ${r.receiptHash}` +
    (r.anchor ? `; anchored in epoch ${r.anchor.epoch}` : '; not anchored yet'),
});
