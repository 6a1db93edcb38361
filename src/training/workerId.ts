import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** Names this process in run leases, so a worker recognises its own claim and others can tell it apart. */
export const WORKER_ID = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
