import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { isAppError } from '../errors.ts';
import { type PreparedItem, prepareItem } from './prepareItem.ts';
import { SignatureCache } from './signatureCache.ts';

export type PrepareOutcome = { item: PreparedItem } | { index: number; code: string; message: string };

export interface PrepareJob {
  items: { text: string; source?: string }[];
  languages: string[];
  limits: Config['limits'];
}

/** Runs the checks on every item in this thread; one item's refusal never stops the others. */
export function prepareItemsHere(job: PrepareJob, offset = 0): PrepareOutcome[] {
  return job.items.map((it, i) => {
    try {
      return { item: prepareItem(it.text, it.source ?? 'text', offset + i, job.languages, job.limits) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { index: offset + i, code: error.code, message: error.message };
    }
  });
}

// Below this many items a worker's message round trip costs more than it saves.
const WORKER_THRESHOLD = 64;

/**
 * Language detection, MinHash and hashing cost ~0.2 ms an item: a 500-item batch would hold the
 * event loop for ~0.1 s, stalling every other request. Large batches go to worker threads (one
 * per core, started on the first large batch), which also lets a batch's checks overlap
 * another batch's database work. One pool per app (made in createApp, closed by app.close()).
 */
export class ContributionCheckPool {
  private workers: Worker[] | null = null;
  private next = 0;
  private seq = 0;
  private closed = false;
  /** Signatures of this app's contributions, for the near-duplicate check (see SignatureCache). */
  readonly signatures: SignatureCache;

  constructor(options: { signatureCacheSize?: number } = {}) {
    this.signatures = new SignatureCache(options.signatureCacheSize);
  }

  async prepare(job: PrepareJob): Promise<PrepareOutcome[]> {
    const workers = job.items.length >= WORKER_THRESHOLD ? this.pool() : [];
    if (workers.length === 0) return prepareItemsHere(job);
    const size = Math.ceil(job.items.length / workers.length);
    const parts = await Promise.all(
      workers.map((_, w) => {
        const worker = workers[this.next++ % workers.length];
        return this.runIn(worker, { ...job, items: job.items.slice(w * size, (w + 1) * size) }, w * size);
      }),
    );
    return parts.flat();
  }

  /** Worker threads running now (none until the first large batch, none after close). */
  get threads(): number {
    return this.workers?.length ?? 0;
  }

  /** Stops the worker threads; checks asked for afterwards run in this thread. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers ?? [];
    this.workers = null;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pool(): Worker[] {
    if (this.closed) return [];
    if (this.workers) return this.workers;
    // One per core, not one per spare core: while a batch's checks run its submitter only awaits
    // them, so on 2 cores one worker left a core idle through the check phase (bench/ingest.ts).
    const count = Math.max(1, Math.min(4, os.availableParallelism()));
    this.workers = Array.from({ length: count }, () => {
      // The worker registers tsx's loader first, so it runs the same TypeScript sources as the service.
      const entry = new URL('./prepareItemsWorker.ts', import.meta.url).href;
      const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
      const worker = new Worker(bootstrap, { eval: true });
      worker.unref();
      worker.setMaxListeners(0);
      return worker;
    });
    return this.workers;
  }

  private runIn(worker: Worker, job: PrepareJob, offset: number): Promise<PrepareOutcome[]> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { id: number; outcomes?: PrepareOutcome[]; error?: string }) => {
        if (msg.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (msg.outcomes) resolve(msg.outcomes.map((o) => ('item' in o ? { item: revive(o.item) } : o)));
        // A plain Error: logged with the worker's message; the caller sees only INTERNAL, not paths.
        else reject(new Error(`Checking contributions failed: ${msg.error}`));
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        // A broken pool is rebuilt on the next large batch.
        if (this.workers?.includes(worker)) this.workers = null;
        reject(error);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ id, job, offset });
    });
  }
}

// Structured clone turns a Buffer into a plain Uint8Array; the insert wants a Buffer for bytea.
function revive(item: PreparedItem): PreparedItem {
  return {
    ...item,
    minhash: Buffer.from(item.minhash.buffer, item.minhash.byteOffset, item.minhash.byteLength),
  };
}
