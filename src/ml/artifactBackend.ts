/**
 * Where artifact bytes live: the port behind ArtifactStore. Backends store and return bytes by
 * the names they are given (a blob's SHA-256, a manifest's hash) and check nothing themselves:
 * ArtifactStore verifies every hash on load, whichever backend the bytes came from.
 */
export interface ArtifactBackend {
  readonly kind: 'filesystem' | 'postgres';
  /** Stores a blob under its SHA-256; storing one that is there already is a no-op. */
  putBlob(sha256: string, bytes: Uint8Array): Promise<void>;
  /** The blob's bytes, piece by piece (never all in memory at once), or null when absent. */
  openBlob(sha256: string): Promise<AsyncIterable<Uint8Array> | null>;
  putManifest(hash: string, text: string): Promise<void>;
  getManifest(hash: string): Promise<string | null>;
  listManifests(): Promise<string[]>;
}
