import { z } from 'zod';
import { ADDITIVE_IDEMPOTENT, defineTool } from '../defineTool.ts';
import { idempotencyKeyInput, idInput } from '../inputSchemas.ts';
import { requireAccount } from '../mcpAuth.ts';
import { submitResultOut } from '../wireSchemas.ts';
import { renderSubmitResult } from './contribute.ts';

export const contributeFile = defineTool({
  name: 'contribute_file',
  title: 'Contribute a file to a datanet',
  description:
    'Submits a text file: .txt and .md are one item, .jsonl is one item per row ({"text": ...}). Send the content as UTF-8 text, or base64 for bytes.',
  input: {
    datanetId: idInput('Datanet'),
    filename: z
      .string()
      .min(1)
      .max(255)
      .describe('its extension decides how it is read: .txt, .md or .jsonl'),
    content: z.string().describe('the file content'),
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    idempotencyKey: idempotencyKeyInput,
  },
  output: submitResultOut,
  annotations: ADDITIVE_IDEMPOTENT,
  run: async (args, { app, auth }, { progress }) => {
    const accountId = requireAccount(auth);
    await progress(0, 1, `reading ${args.filename}`);
    const result = await app.contributions.submitFile({
      accountId,
      datanetId: args.datanetId,
      filename: args.filename,
      content: Buffer.from(args.content, args.encoding),
      idempotencyKey: args.idempotencyKey,
    });
    await progress(1, 1, `${result.accepted.length} accepted, ${result.refused.length} refused`);
    return result;
  },
  render: renderSubmitResult,
});
