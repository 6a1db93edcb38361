/**
 * MinHash signatures of contributions this process wrote or read, by contribution id. A signature
 * never changes once stored and ids are never reused (an identity column; a rolled-back insert's id
 * is skipped, so a cached one can never be a band hit), so a remembered copy is as good as the row.
 *
 * Why it exists: near-duplicate candidates grow with the datanet (bench/ingest.ts at 20,000 items:
 * ~9,000 candidates per 500-item batch, each a 512-byte signature sent as 1 KB of hex), and fetching
 * them was the largest single cost of ingest. First in, first out; the bound keeps it under ~40 MB.
 */
export class SignatureCache {
  private readonly byId = new Map<string, Uint32Array>();

  constructor(private readonly capacity = 50_000) {}

  get(id: string): Uint32Array | undefined {
    return this.byId.get(id);
  }

  set(id: string, signature: Uint32Array): void {
    if (this.capacity <= 0) return;
    if (this.byId.size >= this.capacity && !this.byId.has(id)) {
      // Map iterates in insertion order: the first key is the oldest.
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
    this.byId.set(id, signature);
  }

  get size(): number {
    return this.byId.size;
  }
}
