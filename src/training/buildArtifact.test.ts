import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureContributions } from '../../test/support/attribution/attributionFixture.ts';
import { AppError } from '../errors.ts';
import { ArtifactStore } from '../ml/artifactStore.ts';
import { loadTrainedModel } from '../ml/loadTrainedModel.ts';
import { sha256Hex } from '../shared/hash.ts';
import { buildArtifact, type SnapshotDocument } from './buildArtifact.ts';

const documents: SnapshotDocument[] = fixtureContributions.map((c, i) => ({
  contributionId: String(i + 1),
  contentHash: sha256Hex(c.text),
  text: c.text,
}));
const options = { tokenizer: 'words' as const, baseModel: null, minSpan: 4, mixWeight: 0 };
const input = { datanetId: '7', snapshotRoot: `0x${'ab'.repeat(32)}`, documents, options };
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-artifacts-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const noBaseModel = async (): Promise<never> => {
  throw new Error('no base model here');
};

describe('buildArtifact', () => {
  it('is deterministic and records where each contribution sits in the index', async () => {
    const progress: number[] = [];
    const a = await buildArtifact({ ...input, onProgress: async (f) => void progress.push(f) });
    const b = await buildArtifact(input);
    expect(a.indexBytes.equals(b.indexBytes)).toBe(true);
    expect(a.vocabularyBytes?.equals(b.vocabularyBytes!)).toBe(true);
    expect(a.manifest).toEqual(b.manifest);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.at(-1)).toBe(0.9);
    for (const [d, c] of a.manifest.contributions.entries()) {
      expect(a.index.documentStarts[d]).toBe(c.start);
      expect(a.index.documentTokens(d).length).toBe(c.tokens);
    }
    expect(a.manifest.totals).toEqual({ contributions: documents.length, tokens: a.index.tokenCount });
    const reordered = await buildArtifact({ ...input, documents: [...documents].reverse() });
    expect(reordered.indexBytes.equals(a.indexBytes)).toBe(false);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(buildArtifact({ ...input, signal: controller.signal })).rejects.toThrow();
  });
});

describe('ArtifactStore and loadTrainedModel', () => {
  it('round-trips an artifact by its hash, writes each file once, and refuses a corrupt blob', async () => {
    const store = new ArtifactStore(root);
    const built = await buildArtifact(input);
    const files = {
      index: await store.putBlob(built.indexBytes),
      vocabulary: await store.putBlob(built.vocabularyBytes!),
    };
    const hash = await store.putManifest({ ...built.manifest, files });
    expect(await store.putManifest({ ...built.manifest, files })).toBe(hash);
    expect(await store.listManifests()).toEqual([hash]);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);

    const model = await loadTrainedModel(store, hash, noBaseModel);
    expect(model.manifest.snapshotRoot).toBe(input.snapshotRoot);
    expect(model.tokenizer.decode(model.tokenizer.encode(documents[0].text))).toBe(documents[0].text);
    expect(model.index.tokenCount).toBe(built.index.tokenCount);

    fs.writeFileSync(path.join(root, 'blobs', files.index.sha256), Buffer.from('tampered'));
    await expect(loadTrainedModel(store, hash, noBaseModel)).rejects.toBeInstanceOf(AppError);
    await expect(store.readManifest('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
