import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactBackend } from './artifactBackend.ts';

/**
 * Artifacts under one folder: blobs at `blobs/<sha256>`, manifests at `<hash>.json`. Writes go to a
 * temporary file, are synced and renamed into place, so a crash leaves either nothing or a whole
 * file. The embedded default, and the local copy every process keeps: llama.cpp and the influence
 * thread open blobs by path.
 */
export class FilesystemArtifactBackend implements ArtifactBackend {
  readonly kind = 'filesystem' as const;
  constructor(readonly root: string) {}

  blobPath(sha256: string): string {
    return path.join(this.root, 'blobs', sha256);
  }

  async hasBlob(sha256: string): Promise<boolean> {
    return exists(this.blobPath(sha256));
  }

  async putBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.writeOnce(this.blobPath(sha256), async (handle) => {
      await handle.writeFile(bytes);
    });
  }

  /**
   * Writes a blob from pieces, hashing as it goes; only bytes that hash to `sha256` (and are
   * `bytes` long) are renamed into place. False when they did not: nothing is left behind.
   */
  async putBlobFrom(sha256: string, bytes: number, pieces: AsyncIterable<Uint8Array>): Promise<boolean> {
    let ok = false;
    await this.writeOnce(this.blobPath(sha256), async (handle) => {
      const hash = createHash('sha256');
      let length = 0;
      for await (const piece of pieces) {
        hash.update(piece);
        length += piece.byteLength;
        await handle.write(piece);
      }
      ok = length === bytes && hash.digest('hex') === sha256;
      return ok;
    });
    return ok || (await this.hasBlob(sha256));
  }

  async openBlob(sha256: string): Promise<AsyncIterable<Uint8Array> | null> {
    return (await this.hasBlob(sha256)) ? createReadStream(this.blobPath(sha256)) : null;
  }

  async readBlob(sha256: string): Promise<Buffer | null> {
    return readOrNull(this.blobPath(sha256));
  }

  async putManifest(hash: string, text: string): Promise<void> {
    await this.writeOnce(path.join(this.root, `${hash}.json`), async (handle) => {
      await handle.writeFile(text, 'utf8');
    });
  }

  async getManifest(hash: string): Promise<string | null> {
    return (await readOrNull(path.join(this.root, `${hash}.json`)))?.toString('utf8') ?? null;
  }

  /** A crashed build leaves temporary files, never manifests. */
  async listManifests(): Promise<string[]> {
    const names = await fs.readdir(this.root).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).map((n) => n.slice(0, 64));
  }

  /** `write` fills the temporary file; returning false discards it instead of renaming it. */
  private async writeOnce(file: string, write: (handle: fs.FileHandle) => Promise<boolean | undefined>) {
    if (await exists(file)) return;
    const tmpDir = path.join(this.root, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = path.join(tmpDir, `${path.basename(file)}.${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(tmp, 'w');
    let keep = false;
    try {
      keep = (await write(handle)) !== false;
      // Durable before it becomes visible: a manifest must never name a blob lost in a power cut.
      if (keep) await handle.sync();
    } finally {
      await handle.close();
      if (!keep) await fs.rm(tmp, { force: true });
    }
    if (keep) await fs.rename(tmp, file);
  }
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
