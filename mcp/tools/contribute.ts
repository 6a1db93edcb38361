import { z } from 'zod';
import { badInput } from '../../src/errors.ts';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { tokens } from '../tokens.ts';
import { submitResultOut } from '../wireSchemas.ts';

export const contribute = defineTool({
  name: 'contribute',
  title: 'Contribute to a datanet',
  description:
    'Submits one text (`text`) or a batch (`items`) to a datanet. Each item is checked (size, encoding, language, duplicates) and either accepted as pending review or refused with a reason; the deposits for accepted items are locked until they are decided. Retrying with the same idempotencyKey returns the first result.',
  input: {
    datanetId: idInput('Datanet'),
    text: z.string().optional().describe('one item; or use items for a batch'),
    items: z
      .array(z.object({ text: z.string(), source: z.string().max(200).optional() }))
      .min(1)
      .optional()
      .describe('several items, each judged on its own'),
    idempotencyKey: idempotencyKeyInput,
  },
  output: submitResultOut,
  annotations: ADDITIVE_IDEMPOTENT,
  run: async (args, { app, auth }, { progress }) => {
    const accountId = requireAccount(auth);
    if ((args.text === undefined) === (args.items === undefined)) {
      throw badInput('Give either text (one item) or items (a batch), not both and not neither.');
    }
    const items = args.items ?? [{ text: args.text ?? '', source: 'mcp' }];
    await progress(0, 1, `checking ${items.length} item(s)`);
    const result = await app.contributions.submit({
      accountId,
      datanetId: args.datanetId,
      items,
      idempotencyKey: args.idempotencyKey,
    });
    await progress(1, 1, `${result.accepted.length} accepted, ${result.refused.length} refused`);
    return result;
  },
  render: (r) => renderSubmitResult(r),
});

export function renderSubmitResult(r: z.output<z.ZodObject<typeof submitResultOut>>): string {
  return [
    `${r.replayed ? 'Already submitted: ' : ''}${r.accepted.length} accepted (pending review), ${r.refused.length} refused; deposits ${tokens(r.depositTotal)}.`,
    ...r.accepted.map(
      (a) => `  #${a.contributionId} (item ${a.index}) score ${Math.round(a.checkScore)}/100`,
    ),
    ...r.refused.map((f) => `  item ${f.index} refused: ${f.code} ${f.message}`),
  ].join('\n');
}
