import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../src/attribution/buildCorpusIndex.ts';
import { serializeCorpusIndex } from '../src/attribution/serializeCorpusIndex.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { type Database, openDatabase } from '../src/db/openDatabase.ts';
import type { AppError } from '../src/errors.ts';
import { ArtifactStore } from '../src/ml/artifactStore.ts';
import { openArtifactStore } from '../src/ml/openArtifactStore.ts';
import { CHUNK_BYTES, PostgresArtifactBackend } from '../src/ml/postgresArtifactBackend.ts';
import { readLoraArtifact } from '../src/ml/serving/loraArtifact.ts';
import { sha256Hex } from '../src/shared/hash.ts';
import { createTestDatabase } from './support/createTestApp.ts';

let database: Database;
let dropDatabase: () => Promise<void>;
const roots: string[] = [];
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-artifacts-'));
  roots.push(dir);
  return dir;
};

// PGlite in memory by default; the real server with TEST_DATABASE_URL.
beforeAll(async () => {
  const db = await createTestDatabase();
  dropDatabase = db.dropDatabase;
  database = await openDatabase({ databaseUrl: db.databaseUrl });
  await migrate(database.sql);
});
afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

const manifest = (blob: { sha256: string; bytes: number }) => ({ format: 'test-artifact', files: { blob } });

describe('the artifact store', () => {
  it('filesystem: round-trips, and a flipped bit on disk is refused, not served', async () => {
    const store = new ArtifactStore(folder());
    expect(store.backend).toBe('filesystem');
    const bytes = randomBytes(5000);
    const ref = await store.putBlob(bytes);
    expect(ref).toEqual({ sha256: sha256Hex(bytes), bytes: 5000 });
    const hash = await store.putManifest(manifest(ref));
    expect(await store.readManifest(hash)).toEqual(manifest(ref));
    expect(Buffer.compare(await store.readBlob(ref), bytes)).toBe(0);
    expect(await store.listManifests()).toEqual([hash]);

    const file = store.blobPath(ref);
    const flipped = Buffer.from(bytes);
    flipped[10] ^= 1;
    fs.writeFileSync(file, flipped);
    const refused = await store.readBlob(ref).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('INTERNAL');
    expect((refused as AppError).message).toMatch(/corrupt/);
    const missing = await store.readManifest('0'.repeat(64)).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('NOT_FOUND');
  });

  it('postgres: a blob written on one machine streams, hash-checked, into another machine’s folder', async () => {
    const shared = new PostgresArtifactBackend(database.sql);
    const builder = new ArtifactStore(folder(), shared);
    const server = new ArtifactStore(folder(), shared);
    expect(server.backend).toBe('postgres');
    // Three chunks, two of them identical: stored once (chunks are content-addressed).
    const half = randomBytes(CHUNK_BYTES);
    const bytes = Buffer.concat([half, half, randomBytes(1000)]);
    const ref = await builder.putBlob(bytes);
    const hash = await builder.putManifest(manifest(ref));
    const [blob] = await database.sql<{ chunks: string[] }[]>`
      select chunks from artifact_blobs where sha256 = ${ref.sha256}`;
    expect(blob.chunks).toHaveLength(3);
    expect(blob.chunks[0]).toBe(blob.chunks[1]);
    const [{ n }] = await database.sql`select count(*)::int as n from artifact_chunks`;
    expect(n).toBe(2);

    // Read piece by piece, never more than a chunk at once.
    const pieces: number[] = [];
    for await (const piece of (await shared.openBlob(ref.sha256))!) pieces.push(piece.byteLength);
    expect(pieces).toEqual([CHUNK_BYTES, CHUNK_BYTES, 1000]);

    expect(fs.existsSync(server.blobPath(ref))).toBe(false);
    expect(await server.readManifest(hash)).toEqual(manifest(ref));
    expect(Buffer.compare(await server.readBlob(ref), bytes)).toBe(0);
    expect(fs.existsSync(server.blobPath(ref))).toBe(true);
    expect(await server.listManifests()).toContain(hash);
    // Writing it again is a no-op.
    await server.putBlob(bytes);
    const [{ blobs }] = await database.sql`select count(*)::int as blobs from artifact_blobs`;
    expect(blobs).toBe(1);
  });

  it('postgres: a corrupt chunk or manifest is refused and nothing bad is kept locally', async () => {
    const shared = new PostgresArtifactBackend(database.sql);
    const builder = new ArtifactStore(folder(), shared);
    const server = new ArtifactStore(folder(), shared);
    const bytes = randomBytes(3000);
    const ref = await builder.putBlob(bytes);
    const hash = await builder.putManifest(manifest(ref));

    const [blob] = await database.sql<{ chunks: string[] }[]>`
      select chunks from artifact_blobs where sha256 = ${ref.sha256}`;
    const flipped = Buffer.from(bytes);
    flipped[0] ^= 1;
    await database.sql`update artifact_chunks set data = ${flipped} where sha256 = ${blob.chunks[0]}`;
    const refused = await server.readBlob(ref).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('INTERNAL');
    expect((refused as AppError).message).toMatch(/corrupt/);
    expect(fs.existsSync(server.blobPath(ref))).toBe(false);

    await database.sql`update artifact_manifests set body = ${'{"format":"forged"}'} where hash = ${hash}`;
    const forged = await server.readManifest(hash).catch((e: unknown) => e);
    expect((forged as AppError).code).toBe('INTERNAL');
    const absent = await server.readBlob({ sha256: 'f'.repeat(64), bytes: 1 }).catch((e: unknown) => e);
    expect((absent as AppError).code).toBe('NOT_FOUND');
  });

  it('postgres: serving a LoRA artifact built elsewhere brings its adapter and influence files into this folder', async () => {
    const shared = new PostgresArtifactBackend(database.sql);
    const builder = new ArtifactStore(folder(), shared);
    const server = new ArtifactStore(folder(), shared);
    const documents = [{ contributionId: '7', tokens: Int32Array.from([3, 4, 5, 6]) }];
    const index = await builder.putBlob(
      serializeCorpusIndex(buildCorpusIndex(documents, { tokenLimit: 10 })),
    );
    const loraGguf = await builder.putBlob(randomBytes(4096));
    const features = await builder.putBlob(randomBytes(512));
    const checkpoint = await builder.putBlob(randomBytes(2048));
    const lora = {
      format: 'potluck-lora-1',
      kind: 'lora',
      baseModel: { name: 'tiny' },
      tokenizer: { kind: 'base', id: 'gguf:tiny', tokenLimit: 10, offset: 1 },
      build: { minSpan: 2 },
      contributions: [{ id: '7', tokens: 4 }],
      files: { loraGguf, index },
      influence: {
        file: features,
        projectionDim: 8,
        layers: [0],
        targets: ['attn_q'],
        projectionSeed: 1,
        checkpoints: [{ adapter: checkpoint, weight: 1 }],
      },
    };
    const hash = await builder.putManifest(lora);
    const artifact = await readLoraArtifact(server, hash);
    // llama.cpp and the influence thread open these by path on this machine.
    expect(artifact.adapterPath).toBe(server.blobPath(loraGguf));
    for (const ref of [loraGguf, features, checkpoint])
      expect(fs.existsSync(server.blobPath(ref))).toBe(true);
    expect(artifact.contributionIds).toEqual(['7']);
  });

  it('ARTIFACT_STORE chooses the backend; postgres needs a PostgreSQL database', async () => {
    const config = (store: string) => loadConfig({ POTLUCK_DATA_DIR: folder(), ARTIFACT_STORE: store });
    expect(openArtifactStore(config('filesystem'), database).backend).toBe('filesystem');
    expect(() => loadConfig({ ARTIFACT_STORE: 's3' })).toThrow(/ARTIFACT_STORE/);
    if (database.kind === 'postgres') {
      expect(openArtifactStore(config('postgres'), database).backend).toBe('postgres');
    } else {
      expect(() => openArtifactStore(config('postgres'), database)).toThrow(
        /ARTIFACT_STORE=postgres needs DATABASE_URL/,
      );
    }
  });
});
