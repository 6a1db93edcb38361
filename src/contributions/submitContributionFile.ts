import { z } from 'zod';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { parseContributionFile } from './checks/parseContributionFile.ts';
import { type SubmitContributionsResult, submitContributions } from './submitContributions.ts';

const params = z.object({
  accountId: idSchema,
  datanetId: idSchema,
  filename: z.string().min(1).max(255),
  content: z.instanceof(Buffer),
  idempotencyKey: z.string().min(1).max(200),
});

/** A .txt/.md file is one item; a .jsonl file is one item per row (`{"text": …}`). */
export async function submitContributionFile(
  deps: Deps,
  input: z.input<typeof params>,
): Promise<SubmitContributionsResult> {
  const p = parseInput(params, input);
  const texts = parseContributionFile(p.filename, p.content, {
    maxFileBytes: deps.config.limits.maxFileBytes,
    maxItems: deps.config.limits.maxBatchItems,
  });
  const jsonl = texts.length > 1 || p.filename.toLowerCase().endsWith('.jsonl');
  return submitContributions(deps, {
    accountId: p.accountId,
    datanetId: p.datanetId,
    idempotencyKey: p.idempotencyKey,
    items: texts.map((text, i) => ({ text, source: jsonl ? `${p.filename}:${i + 1}` : p.filename })),
  });
}
