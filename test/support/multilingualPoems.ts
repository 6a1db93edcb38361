import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../../src/ml/artifactStore.ts';
import { loadTrainedModel, type TrainedModel } from '../../src/ml/loadTrainedModel.ts';
import { sha256Hex } from '../../src/shared/hash.ts';
import { buildArtifact, type SnapshotDocument } from '../../src/training/buildArtifact.ts';
import { fixtureContributions } from './attribution/attributionFixture.ts';

const poem = (...lines: string[]) => lines.map((line) => `${line}\n`).join('');

/**
 * The bilingual attribution fixture plus poems that mix English and Persian in one text and a
 * Persian anthology that shares a line with another poem, so /ask-default calls can be checked for
 * where they end, what they credit and how they are written back.
 */
export const multilingualPoems: readonly { contributionId: string; text: string }[] = [
  ...fixtureContributions.map(({ contributionId, text }) => ({ contributionId, text })),
  {
    contributionId: 'harbour-mixed',
    text: poem(
      'At the harbour wall the gulls are arguing,',
      'کتاب را کنار آب باز می‌کنم',
      'and every page smells faintly of the tide.',
      'ماهی‌ها زیر نور زرد می‌رقصند',
    ),
  },
  {
    contributionId: 'rain-anthology',
    text: poem(
      'دفتری از شعرهای باران:',
      'باران به روی بام‌های شهر می‌بارد',
      'و من چتر را در خانه جا گذاشته‌ام.',
      'هیچ‌کس برای شنیدن برنمی‌گردد',
    ),
  },
];

/** Builds the fixture's artifact (numbered contributions, as the database names them) and loads it. */
export async function loadMultilingualModel(): Promise<{
  model: TrainedModel;
  store: ArtifactStore;
  idOf: (name: string) => string;
  nameOf: (id: string) => string;
  close: () => void;
}> {
  const documents: SnapshotDocument[] = multilingualPoems.map((c, i) => ({
    contributionId: String(i + 1),
    contentHash: sha256Hex(c.text),
    text: c.text,
  }));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-multilingual-'));
  const store = new ArtifactStore(root);
  const built = await buildArtifact({
    datanetId: '1',
    snapshotRoot: `0x${'cd'.repeat(32)}`,
    documents,
    options: { tokenizer: 'words', baseModel: null, minSpan: 4, mixWeight: 0 },
  });
  const files = {
    index: await store.putBlob(built.indexBytes),
    vocabulary: await store.putBlob(built.vocabularyBytes!),
  };
  const hash = await store.putManifest({ ...built.manifest, files });
  const model = await loadTrainedModel(store, hash, async () => {
    throw new Error('no base model in this fixture');
  });
  const names = multilingualPoems.map((c) => c.contributionId);
  return {
    model,
    store,
    idOf: (name) => String(names.indexOf(name) + 1),
    nameOf: (id) => names[Number(id) - 1],
    close: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
