import { describe, expect, it } from 'vitest';
import type { TrainingRun } from '../../../src/training/trainingRunStore.ts';
import { translator } from '../../i18n/translator.ts';
import { runEmbed } from './runEmbed.ts';

// Only the fields the progress message reads; the rest of a run does not reach it.
const run = {
  id: '12',
  status: 'succeeded',
  progress: 1,
  progressMessage: 'done',
  contributionCount: 7,
  snapshotRoot: `0x${'ab'.repeat(32)}`,
  options: { kind: 'infini-gram', baseModel: null },
  artifactHash: 'cd'.repeat(32),
  error: null,
} as unknown as TrainingRun;
const bare = (text: string | undefined) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

describe('the training progress message', () => {
  it('reads as before in English', () => {
    const e = runEmbed(run, 'Verse').toJSON();
    expect(e.title).toBe('✅ Training run #12 · Verse');
    expect(e.description).toContain('**succeeded** · done');
    expect(e.description).toContain('Publish it with `/model publish run:12`.');
    expect(e.fields?.map((f) => f.name)).toEqual(['Snapshot', 'Model', 'Artifact']);
    expect(e.fields?.[1].value).toBe('∞-gram (words)');
  });

  it('speaks Persian to a Persian reader, around the trainer’s own stage text', () => {
    const e = runEmbed(run, 'شعر', translator('fa')).toJSON();
    expect(bare(e.title)).toBe('✅ اجرای آموزش #12 · شعر');
    expect(e.description).toContain('**موفق** · done');
    expect(bare(e.description)).toContain('با `/model publish run:12` منتشرش کنید.');
    expect(e.fields?.map((f) => f.name)).toEqual(['تصویر داده‌ها', 'مدل', 'فایل خروجی']);
    expect(bare(e.fields?.[0].value)).toContain('۷ مشارکت تأییدشده');
  });
});
