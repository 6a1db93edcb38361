import fs from 'node:fs';
import { AppError } from '../errors.ts';

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file holding our pid says the folder is taken; a stale one (its process gone) is taken over.
 */
export function acquireDataDirLock(lockPath: string): () => Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return async () => {
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new AppError(
          'UNAVAILABLE',
          `The data directory is in use by another potluck process (pid ${holder}). Stop it, or set DATABASE_URL to share a PostgreSQL server between processes.`,
          { pid: holder, reason: 'data_dir_in_use' },
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('UNAVAILABLE', `Could not lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding `lockPath`, if any (not this one): doctor reports it without taking the lock. */
export function lockHolder(lockPath: string): number | null {
  if (!fs.existsSync(lockPath)) return null;
  const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
  return pid && pid !== process.pid && isAlive(pid) ? pid : null;
}
