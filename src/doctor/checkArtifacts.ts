import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { summarizePostgresArtifacts } from '../ml/postgresArtifactBackend.ts';
import { type DoctorCheck, reason } from './doctorCheck.ts';

const name = 'artifacts';

/** Where trained models are kept (ARTIFACT_STORE), and whether every process can reach them. */
export async function checkArtifacts(config: Config): Promise<DoctorCheck> {
  const folder = path.join(config.dataDir, 'artifacts');
  if (config.artifacts.backend === 'filesystem') {
    return {
      name,
      ready: true,
      detail: config.redisUrl
        ? `filesystem at ${folder}: workers on other machines cannot serve what this one trained (ARTIFACT_STORE=postgres shares them)`
        : `filesystem at ${folder}`,
    };
  }
  if (!config.databaseUrl) {
    return {
      name,
      ready: false,
      detail: 'ARTIFACT_STORE=postgres without DATABASE_URL',
      fix: 'set DATABASE_URL, or ARTIFACT_STORE=filesystem for the embedded database',
    };
  }
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, maxConnections: 1 });
    try {
      const row = await summarizePostgresArtifacts(db.sql);
      if (!row) {
        return {
          name,
          ready: false,
          detail: 'ARTIFACT_STORE=postgres, but the artifact tables are missing',
          fix: 'run potluck migrate (or start once)',
        };
      }
      return {
        name,
        ready: true,
        detail: `PostgreSQL: ${row.artifacts} artifact(s), ${row.bytes} bytes of blobs; ${folder} is this machine's copy`,
      };
    } finally {
      await db.close();
    }
  } catch (error) {
    return {
      name,
      ready: false,
      detail: `cannot read the artifact tables: ${reason(error)}`,
      fix: 'see the database line',
    };
  }
}
