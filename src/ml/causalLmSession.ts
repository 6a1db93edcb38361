import { type PreTrainedModel, Tensor } from '@huggingface/transformers';

type Feeds = Record<string, Tensor>;

interface Prefix {
  ids: number[];
  past: Feeds;
  probabilities: Float32Array;
}

/**
 * Next-token probabilities from a transformers.js causal LM, one context at a time.
 *
 * Generation asks for the context, then the same context plus one token, and so on; the last
 * context's key/value cache is kept, so each step feeds only the new tokens instead of the whole
 * context again. Calls are queued because they share that cache and the ONNX session.
 */
export class CausalLmSession {
  private prefix: Prefix | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly model: PreTrainedModel,
    /** Rows of the model's logits. */
    readonly logitsSize: number,
    /** Longest context fed; longer ones keep their last `maxContext` ids. */
    readonly maxContext: number,
  ) {}

  /** Softmax of the logits after `ids` (model ids, non-empty). */
  probabilities(ids: readonly number[]): Promise<Float32Array> {
    const run = () => this.compute(ids.length > this.maxContext ? ids.slice(-this.maxContext) : ids);
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.prefix = null;
    await this.queue;
    await this.model.dispose();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async compute(ids: readonly number[]): Promise<Float32Array> {
    const prefix = this.prefix;
    const reuse = prefix !== null && startsWith(ids, prefix.ids) ? prefix : null;
    if (reuse && reuse.ids.length === ids.length) return reuse.probabilities;
    const start = reuse ? reuse.ids.length : 0;
    const fresh = ids.slice(start);
    const feeds: Feeds = {
      input_ids: int64Tensor(fresh, [1, fresh.length]),
      attention_mask: int64Tensor(new Array(ids.length).fill(1), [1, ids.length]),
      position_ids: int64Tensor(
        fresh.map((_, i) => start + i),
        [1, fresh.length],
      ),
      // Only the last position's logits are needed; ignored by models without this input.
      num_logits_to_keep: new Tensor('int64', BigInt64Array.of(1n), []),
    };
    const outputs = (await this.model.forward({ ...feeds, past_key_values: reuse?.past })) as Feeds;
    const probabilities = softmaxLastRow(outputs.logits, this.logitsSize);
    const past: Feeds = {};
    for (const [name, tensor] of Object.entries(outputs)) {
      if (name.startsWith('present')) past[name.replace('present', 'past_key_values')] = tensor;
    }
    if (!this.closed) this.prefix = { ids: [...ids], past, probabilities };
    return probabilities;
  }
}

function startsWith(ids: readonly number[], prefix: readonly number[]): boolean {
  if (prefix.length > ids.length) return false;
  for (let i = 0; i < prefix.length; i++) if (ids[i] !== prefix[i]) return false;
  return true;
}

function int64Tensor(values: readonly number[], dims: number[]): Tensor {
  return new Tensor(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    dims,
  );
}

function softmaxLastRow(logits: Tensor, size: number): Float32Array {
  const data = logits.data as Float32Array;
  const width = logits.dims[logits.dims.length - 1];
  const row = data.subarray(data.length - width, data.length);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < width; i++) if (row[i] > max) max = row[i];
  const out = new Float32Array(size);
  let sum = 0;
  for (let i = 0; i < width; i++) sum += Math.exp(row[i] - max);
  for (let i = 0; i < width && i < size; i++) out[i] = Math.exp(row[i] - max) / sum;
  return out;
}
