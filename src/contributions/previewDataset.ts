import { z } from 'zod';
import { getDatanet } from '../datanets/getDatanet.ts';
import type { Deps } from '../shared/deps.ts';
import { idSchema } from '../shared/ids.ts';
import { parseInput } from '../shared/parseInput.ts';
import { type ApprovedSummary, approvedSummary, sampleApproved } from './contributionStore.ts';

const params = z.object({
  datanetId: idSchema,
  /** How many approved items to show. */
  sampleSize: z.number().int().min(0).max(20).default(5),
  /** Only sample items in this language (the summary still covers all of them). */
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, 'a language code such as fa or en')
    .optional(),
  /** Each sampled item's text is cut to this many characters. */
  excerptChars: z.number().int().min(20).max(2000).default(280),
});

export interface DatasetSampleItem {
  contributionId: string;
  language: string;
  checkScore: number;
  chars: number;
  /** The start of the text; `truncated` says whether there is more. */
  excerpt: string;
  truncated: boolean;
}

export interface DatasetPreview extends ApprovedSummary {
  datanetId: string;
  datanetName: string;
  sample: DatasetSampleItem[];
}

/**
 * What a datanet's training data is before anyone trains on it or pays for a model built from it:
 * its approved items only (what a training run snapshots), their size, languages and check scores,
 * and a sample spread over the whole set. Contributions are public, so anyone may look.
 */
export async function previewDataset(deps: Deps, input: z.input<typeof params>): Promise<DatasetPreview> {
  const p = parseInput(params, input);
  const datanet = await getDatanet(deps, { datanet: p.datanetId });
  const [summary, items] = await Promise.all([
    approvedSummary(deps.sql, datanet.id),
    p.sampleSize === 0
      ? []
      : sampleApproved(deps.sql, { datanetId: datanet.id, size: p.sampleSize, language: p.language }),
  ]);
  return {
    datanetId: datanet.id,
    datanetName: datanet.name,
    ...summary,
    sample: items.map((c) => {
      // Cut on code points, so a Persian letter or an emoji is never split in half.
      const chars = [...c.content];
      return {
        contributionId: c.id,
        language: c.language,
        checkScore: c.checkScore,
        chars: c.chars,
        excerpt: chars.slice(0, p.excerptChars).join(''),
        truncated: chars.length > p.excerptChars,
      };
    }),
  };
}
