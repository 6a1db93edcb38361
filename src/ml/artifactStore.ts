import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError, notFound } from '../errors.ts';
import { sha256Hex } from '../shared/hash.ts';
import { stableStringify } from '../shared/stableStringify.ts';

export interface FileRef {
  sha256: string;
  bytes: number;
}

/**
 * What a trained model is. Nothing in it depends on when, where or by which run it was built, so
 * the same snapshot and options always give the same manifest, and its hash is the artifact hash.
 */
export interface ArtifactManifest {
  format: 'potluck-artifact-1';
  datanetId: string;
  snapshotRoot: string;
  tokenizer: { kind: 'words' | 'base'; id: string; tokenLimit: number };
  baseModel: string | null;
  build: { minSpan: number; mixWeight: number; indexFormat: string; documents: 'one-per-contribution' };
  /** Index order; `start` is the first token's position in the index text, `tokens` its length. */
  contributions: { id: string; contentHash: string; start: number; tokens: number }[];
  totals: { contributions: number; tokens: number };
  files: { index: FileRef; vocabulary: FileRef | null };
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Content-addressed files under `<dataDir>/artifacts`: blobs at `blobs/<sha256>`, manifests at
 * `<artifact hash>.json`. Writes go to a temporary file and are renamed into place, so a crash
 * leaves either nothing or a whole file, and writing what is already there is a no-op.
 */
export class ArtifactStore {
  constructor(readonly root: string) {}

  async putBlob(bytes: Uint8Array): Promise<FileRef> {
    const sha256 = sha256Hex(bytes);
    await this.writeOnce(path.join(this.root, 'blobs', sha256), bytes);
    return { sha256, bytes: bytes.byteLength };
  }

  /** Any format's manifest (an 'infini-gram' ArtifactManifest, a trainer's 'lora' one): its hash names it. */
  async putManifest(manifest: ArtifactManifest | { format: string }): Promise<string> {
    const text = stableStringify(manifest);
    const hash = sha256Hex(text);
    await this.writeOnce(this.manifestPath(hash), Buffer.from(text, 'utf8'));
    return hash;
  }

  async readManifest(hash: string): Promise<ArtifactManifest> {
    const text = (await this.read(this.manifestPath(hash), `Artifact ${hash}`)).toString('utf8');
    if (sha256Hex(text) !== hash) throw corrupt(`Artifact ${hash} manifest`);
    return JSON.parse(text) as ArtifactManifest;
  }

  /** The blob's bytes, checked against its hash (a flipped bit must not serve wrong answers). */
  async readBlob(ref: FileRef): Promise<Buffer> {
    if (!HASH.test(ref.sha256)) throw corrupt(`Blob ${ref.sha256}`);
    const bytes = await this.read(path.join(this.root, 'blobs', ref.sha256), `Artifact file ${ref.sha256}`);
    if (bytes.byteLength !== ref.bytes || sha256Hex(bytes) !== ref.sha256)
      throw corrupt(`Blob ${ref.sha256}`);
    return bytes;
  }

  /** Artifact hashes present (a crashed build leaves temporary files, never manifests). */
  async listManifests(): Promise<string[]> {
    const names = await fs.readdir(this.root).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).map((n) => n.slice(0, 64));
  }

  private manifestPath(hash: string): string {
    if (!HASH.test(hash)) throw new AppError('BAD_INPUT', 'An artifact hash is 64 hex digits.', { hash });
    return path.join(this.root, `${hash}.json`);
  }

  private async read(file: string, what: string): Promise<Buffer> {
    try {
      return await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(what, 'in the artifact store');
      throw error;
    }
  }

  private async writeOnce(file: string, bytes: Uint8Array): Promise<void> {
    if (await exists(file)) return;
    const tmpDir = path.join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(tmpDir, `${path.basename(file)}.${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      // Durable before it becomes visible: a manifest must never name a blob lost in a power cut.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

const corrupt = (what: string) =>
  new AppError('INTERNAL', `${what} is corrupt on disk; delete it and retrain.`, { what });
