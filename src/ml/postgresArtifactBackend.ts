import type { Sql } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { sha256Hex } from '../shared/hash.ts';
import type { ArtifactBackend } from './artifactBackend.ts';

/** 1 MiB: large enough that a blob is few rows, small enough that one row is cheap to hold. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Artifacts in PostgreSQL (migration 0019), so every process with DATABASE_URL can load any
 * artifact. A blob is stored as content-addressed chunks (the same chunk is stored once), written
 * and read one chunk at a time; its row is written last, so a blob that is listed is complete.
 * Each chunk is checked against its name as it is read.
 */
export class PostgresArtifactBackend implements ArtifactBackend {
  readonly kind = 'postgres' as const;
  constructor(private readonly sql: Sql) {}

  async putBlob(sha256: string, bytes: Uint8Array): Promise<void> {
    const sql = this.sql;
    const [present] = await sql`select 1 from artifact_blobs where sha256 = ${sha256}`;
    if (present) return;
    const chunks: string[] = [];
    for (let at = 0; at < bytes.byteLength || chunks.length === 0; at += CHUNK_BYTES) {
      const piece = Buffer.from(
        bytes.buffer,
        bytes.byteOffset + at,
        Math.min(CHUNK_BYTES, bytes.byteLength - at),
      );
      const name = sha256Hex(piece);
      await sql`insert into artifact_chunks (sha256, data) values (${name}, ${piece}) on conflict do nothing`;
      chunks.push(name);
    }
    await sql`
      insert into artifact_blobs (sha256, bytes, chunks) values (${sha256}, ${bytes.byteLength}, ${chunks})
      on conflict do nothing`;
  }

  async openBlob(sha256: string): Promise<AsyncIterable<Uint8Array> | null> {
    const [blob] = await this.sql<{ chunks: string[] }[]>`
      select chunks from artifact_blobs where sha256 = ${sha256}`;
    if (!blob) return null;
    const sql = this.sql;
    return (async function* () {
      for (const name of blob.chunks) {
        const [row] = await sql<{ data: Buffer }[]>`select data from artifact_chunks where sha256 = ${name}`;
        if (!row || sha256Hex(row.data) !== name) {
          throw new AppError('INTERNAL', `Blob ${sha256} is corrupt in the artifact store; retrain it.`, {
            what: `Blob ${sha256}`,
          });
        }
        yield row.data;
      }
    })();
  }

  async putManifest(hash: string, text: string): Promise<void> {
    await this
      .sql`insert into artifact_manifests (hash, body) values (${hash}, ${text}) on conflict do nothing`;
  }

  async getManifest(hash: string): Promise<string | null> {
    const [row] = await this.sql<
      { body: string }[]
    >`select body from artifact_manifests where hash = ${hash}`;
    return row?.body ?? null;
  }

  async listManifests(): Promise<string[]> {
    const rows = await this.sql<{ hash: string }[]>`select hash from artifact_manifests order by hash`;
    return rows.map((r) => r.hash);
  }
}

/** What `potluck doctor` reports of the PostgreSQL artifact store; null when its tables are missing. */
export async function summarizePostgresArtifacts(
  sql: Sql,
): Promise<{ artifacts: number; bytes: string } | null> {
  const [table] = await sql<{ present: boolean }[]>`
    select to_regclass('artifact_manifests') is not null as present`;
  if (!table.present) return null;
  const [row] = await sql<{ artifacts: number; bytes: string }[]>`
    select (select count(*) from artifact_manifests)::int as artifacts,
           (select coalesce(sum(bytes), 0) from artifact_blobs)::text as bytes`;
  return row;
}
