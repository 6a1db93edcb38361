import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import type { InfluenceScorer } from '../influenceScorer.ts';
import type { LoraArtifact } from '../serving/loraArtifact.ts';

type Scores = { contributionId: string; score: number }[];

/**
 * The tfjs influence scorer in a worker thread: a gradient on a 135M-shaped model takes seconds
 * of synchronous tfjs, which on the service's thread would stall every other request. Started on
 * the first request; one thread, so influence computations queue rather than compete for cores
 * with generation. An aborted request stops waiting (the computation itself runs to its end).
 */
export class ThreadInfluenceScorer implements InfluenceScorer {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (s: Scores) => void; reject: (e: Error) => void }>();

  constructor(private readonly storeRoot: string) {}

  score(request: Parameters<InfluenceScorer['score']>[0]): Promise<Scores> {
    const worker = this.ensure();
    const id = ++this.seq;
    const { signal } = request;
    return new Promise<Scores>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        reject(
          signal?.reason instanceof Error ? signal.reason : new Error('Influence was not needed any more.'),
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(id, {
        resolve: (s) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(s);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      // Only what the scorer reads: the index and the rest of the artifact stay on this side.
      const artifact = {
        influence: request.artifact.influence,
        contributionIds: request.artifact.contributionIds,
      } as LoraArtifact;
      worker.postMessage({
        id,
        storeRoot: this.storeRoot,
        request: {
          artifact,
          basePath: request.basePath,
          promptTokens: [...request.promptTokens],
          answerTokens: [...request.answerTokens],
        },
      });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new AppError('UNAVAILABLE', 'The influence scorer is shutting down.'));
    await worker?.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    // The worker registers tsx's loader first, so it runs the same TypeScript sources as the service.
    const entry = new URL('./influenceWorker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    worker.unref();
    worker.on('message', (msg: { id: number; scores?: Scores; error?: string }) => {
      const waiter = this.waiting.get(msg.id);
      if (!waiter) return;
      this.waiting.delete(msg.id);
      if (msg.scores) waiter.resolve(msg.scores);
      // A plain Error: a bug, logged with the worker's message, while callers see only INTERNAL
      // (an AppError's message is shown to them, and this one may carry paths).
      else waiter.reject(new Error(`Influence failed: ${msg.error}`));
    });
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new AppError('INTERNAL', `The influence thread exited (${code}).`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(error);
  }
}
