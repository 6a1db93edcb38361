/** One waiting request of a group commit: its item and how to answer it. */
export interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * The queue behind every group commit (ledger transfers, fee reservations, settlements): a request
 * that finds the queue idle goes out at once, alone; requests that arrive while a batch is in
 * flight wait for it and then go out together, up to `maxBatch`, consecutive requests of one
 * group only (`sameGroup`: a batch shares one connection or one set of deps). One batch in flight
 * at a time, so two batches never take the same locks in opposite orders, and no timer: the wait
 * is the previous batch's round trip, so an idle service adds no latency. `run` must answer every
 * request of its batch.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Pending<Item, Result>[] = [];
  private busy = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly run: (batch: Pending<Item, Result>[]) => Promise<void>,
    private readonly maxBatch: number,
    private readonly sameGroup: (a: Item, b: Item) => boolean = () => true,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.kick();
    });
  }

  /** Resolves once nothing is waiting or in flight. */
  drain(): Promise<void> {
    if (!this.busy && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private kick(): void {
    if (this.busy) return;
    if (this.waiting.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    this.busy = true;
    const head = this.waiting[0].item;
    let end = 1;
    while (end < this.waiting.length && end < this.maxBatch && this.sameGroup(head, this.waiting[end].item))
      end++;
    const batch = this.waiting.splice(0, end);
    this.run(batch)
      .catch((error) => {
        // `run` answers every request; should it throw, nobody is left waiting.
        for (const p of batch) p.reject(error);
      })
      .finally(() => {
        this.busy = false;
        this.kick();
      });
  }
}
