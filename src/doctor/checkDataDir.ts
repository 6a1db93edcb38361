import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { DoctorCheck } from './doctorCheck.ts';

export function checkDataDir(config: Config): DoctorCheck {
  // The nearest existing folder decides whether the data dir can be created or written.
  let dir = config.dataDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    const state = dir === config.dataDir ? 'writable' : `will be created (${dir} is writable)`;
    return { name: 'data dir', ready: true, detail: `${config.dataDir} ${state}` };
  } catch {
    return {
      name: 'data dir',
      ready: false,
      detail: `${config.dataDir}: ${dir} is not writable`,
      fix: 'set POTLUCK_DATA_DIR to a folder this user can write',
    };
  }
}
