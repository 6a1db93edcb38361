import type { LoraAdapter } from '../ml/lora/loraAdapter.ts';

/**
 * The earlier adapters TracIn sums over besides the final one (INFLUENCE_CHECKPOINTS = K): of the
 * run's resume checkpoints, the first at or past each k/K of its steps, k = 1 … K−1. They come
 * from the checkpoints the run saves anyway, so a run with fewer of them (shorter than K
 * checkpoint intervals, or resumed past them) keeps fewer, and its influence uses what it has.
 */
export class TracInCheckpoints {
  private readonly kept: LoraAdapter[] = [];

  constructor(private readonly count: number) {}

  offer(step: number, totalSteps: number, adapter: LoraAdapter): void {
    const k = this.kept.length + 1;
    if (k < this.count && totalSteps > 0 && step * this.count >= k * totalSteps) this.kept.push(adapter);
  }

  /** Oldest first. */
  get adapters(): readonly LoraAdapter[] {
    return this.kept;
  }
}
