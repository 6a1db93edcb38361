import { parentPort } from 'node:worker_threads';
import { type PrepareJob, prepareItemsHere } from './prepareItems.ts';

// Worker-thread side of prepareItems: same function, off the service's event loop.
parentPort?.on('message', (msg: { id: number; job: PrepareJob; offset: number }) => {
  try {
    parentPort?.postMessage({ id: msg.id, outcomes: prepareItemsHere(msg.job, msg.offset) });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
