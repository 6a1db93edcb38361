import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/openDatabase.ts';
import { AppError } from '../errors.ts';
import { ArtifactStore } from './artifactStore.ts';
import { PostgresArtifactBackend } from './postgresArtifactBackend.ts';

/**
 * The artifact store ARTIFACT_STORE names: always `<data dir>/artifacts`, and with `postgres` also
 * the shared database, so a model built by any worker can be served by any process.
 */
export function openArtifactStore(config: Config, database: Database): ArtifactStore {
  const root = path.join(config.dataDir, 'artifacts');
  if (config.artifacts.backend === 'filesystem') return new ArtifactStore(root);
  if (database.kind !== 'postgres') {
    throw new AppError(
      'BAD_CONFIG',
      'ARTIFACT_STORE=postgres needs DATABASE_URL: the embedded database is one process’s, so its folder already holds every artifact (use ARTIFACT_STORE=filesystem).',
      { field: 'ARTIFACT_STORE' },
    );
  }
  return new ArtifactStore(root, new PostgresArtifactBackend(database.sql));
}
