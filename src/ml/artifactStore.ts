import { AppError, notFound } from '../errors.ts';
import { sha256Hex } from '../shared/hash.ts';
import { stableStringify } from '../shared/stableStringify.ts';
import type { ArtifactBackend } from './artifactBackend.ts';
import { FilesystemArtifactBackend } from './filesystemArtifactBackend.ts';

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
 * Content-addressed artifacts, verified on every load. Always a local folder (`root`: llama.cpp
 * and the influence thread open blobs by path); with a shared backend (PostgreSQL, for a cluster)
 * every write also goes there and a load that misses locally streams the bytes from it into the
 * folder, hash-checked before they are kept. Without one the folder is the whole store.
 */
export class ArtifactStore {
  private readonly local: FilesystemArtifactBackend;

  constructor(
    readonly root: string,
    private readonly shared?: ArtifactBackend,
  ) {
    this.local = new FilesystemArtifactBackend(root);
  }

  /** Where the artifacts are kept for other processes: 'filesystem' means this machine alone. */
  get backend(): ArtifactBackend['kind'] {
    return this.shared?.kind ?? 'filesystem';
  }

  async putBlob(bytes: Uint8Array): Promise<FileRef> {
    const sha256 = sha256Hex(bytes);
    await this.local.putBlob(sha256, bytes);
    await this.shared?.putBlob(sha256, bytes);
    return { sha256, bytes: bytes.byteLength };
  }

  /** Any format's manifest (an 'infini-gram' ArtifactManifest, a trainer's 'lora' one): its hash names it. */
  async putManifest(manifest: ArtifactManifest | { format: string }): Promise<string> {
    const text = stableStringify(manifest);
    const hash = sha256Hex(text);
    // The blobs it names went to the shared store first, so a manifest there is always loadable.
    await this.local.putManifest(hash, text);
    await this.shared?.putManifest(hash, text);
    return hash;
  }

  async readManifest(hash: string): Promise<ArtifactManifest> {
    if (!HASH.test(hash)) throw new AppError('BAD_INPUT', 'An artifact hash is 64 hex digits.', { hash });
    let text = await this.local.getManifest(hash);
    if (text === null && this.shared) {
      text = await this.shared.getManifest(hash);
      if (text !== null && sha256Hex(text) === hash) await this.local.putManifest(hash, text);
    }
    if (text === null) throw notFound(`Artifact ${hash}`, 'in the artifact store');
    if (sha256Hex(text) !== hash) throw corrupt(`Artifact ${hash} manifest`);
    return JSON.parse(text) as ArtifactManifest;
  }

  /** The blob's bytes, checked against its hash (a flipped bit must not serve wrong answers). */
  async readBlob(ref: FileRef): Promise<Buffer> {
    if (!HASH.test(ref.sha256)) throw corrupt(`Blob ${ref.sha256}`);
    if (this.shared && !(await this.local.hasBlob(ref.sha256))) {
      const pieces = await this.shared.openBlob(ref.sha256);
      if (pieces && !(await this.local.putBlobFrom(ref.sha256, ref.bytes, pieces)))
        throw corrupt(`Blob ${ref.sha256}`);
    }
    const bytes = await this.local.readBlob(ref.sha256);
    if (!bytes) throw notFound(`Artifact file ${ref.sha256}`, 'in the artifact store');
    if (bytes.byteLength !== ref.bytes || sha256Hex(bytes) !== ref.sha256)
      throw corrupt(`Blob ${ref.sha256}`);
    return bytes;
  }

  /** Where a blob read with readBlob lies on this machine (for readers that open files by path). */
  blobPath(ref: FileRef): string {
    return this.local.blobPath(ref.sha256);
  }

  /** Artifact hashes present: in the shared store when there is one, else in the folder. */
  async listManifests(): Promise<string[]> {
    return (this.shared ?? this.local).listManifests();
  }
}

const corrupt = (what: string) =>
  new AppError('INTERNAL', `${what} is corrupt in the artifact store; delete it and retrain.`, { what });
