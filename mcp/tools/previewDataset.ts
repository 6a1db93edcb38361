import { z } from 'zod';
import { defineTool, READ_ONLY } from '../defineTool.ts';
import { idInput } from '../inputSchemas.ts';

export const datasetPreviewOut = {
  datanetId: z.string(),
  datanetName: z.string(),
  items: z.number().int().describe('approved items: what a training run would use'),
  bytes: z.number().int(),
  chars: z.number().int(),
  contributors: z.number().int(),
  languages: z.array(z.object({ language: z.string(), items: z.number().int() })),
  scoreBuckets: z
    .array(z.number().int())
    .length(10)
    .describe('approved items per check-score decile: [0,10), [10,20), … [90,100]'),
  sample: z.array(
    z.object({
      contributionId: z.string(),
      language: z.string(),
      checkScore: z.number().int(),
      chars: z.number().int(),
      excerpt: z.string(),
      truncated: z.boolean(),
    }),
  ),
};

/** One line per fact, for clients that show text. */
export function renderPreview(p: z.output<z.ZodObject<typeof datasetPreviewOut>>): string {
  const languages = p.languages.map((l) => `${l.language} ${l.items}`).join(', ') || 'none';
  const scores = p.scoreBuckets.map((n, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${n}`).join(', ');
  return [
    `${p.datanetName}: ${p.items} approved items from ${p.contributors} contributors, ${p.chars} characters (${p.bytes} bytes).`,
    `Languages: ${languages}.`,
    `Check scores: ${scores}.`,
    ...p.sample.map(
      (s) =>
        `#${s.contributionId} (${s.language}, score ${s.checkScore}): ${s.excerpt}${s.truncated ? '…' : ''}`,
    ),
  ].join('\n');
}

export const previewDataset = defineTool({
  name: 'preview_dataset',
  title: "Preview a datanet's approved data",
  description:
    "Before training on a datanet or paying for its models: its approved data's size, languages, check-score distribution and a sample of items spread over the whole set.",
  input: {
    datanetId: idInput('Datanet'),
    sampleSize: z.number().int().min(0).max(20).default(5),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional()
      .describe('sample only this language, e.g. fa'),
    excerptChars: z.number().int().min(20).max(2000).default(280),
  },
  output: datasetPreviewOut,
  annotations: READ_ONLY,
  run: (args, { app }) => app.contributions.preview(args),
  render: renderPreview,
});
