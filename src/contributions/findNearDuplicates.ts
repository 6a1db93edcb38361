import type { Db } from '../db/openDatabase.ts';
import { deserializeSignature } from './checks/deserializeSignature.ts';
import { estimateSimilarity } from './checks/estimateSimilarity.ts';
import type { PreparedItem } from './prepareItem.ts';
import type { SignatureCache } from './signatureCache.ts';

export interface NearDuplicate {
  contributionId: string;
  similarity: number;
}

/**
 * For each item, the most similar earlier contribution in the datanet at or above `threshold`
 * (ties: the lowest id). Candidates come from shared LSH band keys (an indexed lookup), then
 * MinHash similarity decides.
 *
 * Band rows exist only for contributions that are not withdrawn (withdrawContribution deletes them
 * in the transaction that sets the status, as expiry does), so a hit is a live contribution, and a
 * signature remembered in `cache` needs no second read. Profiled at 20,000 items (bench/ingest.ts):
 * ~45,000 band hits and ~9,000 candidates per 500-item batch; returned as rows and then fetched
 * with their signatures, they were the largest single cost of ingest.
 */
export async function findNearDuplicates(
  db: Db,
  datanetId: string,
  items: PreparedItem[],
  threshold: number,
  cache?: SignatureCache,
): Promise<Map<number, NearDuplicate>> {
  const found = new Map<number, NearDuplicate>();
  // Distinct keys, each with the items (positions in `items`) that have it.
  const holders = new Map<string, number[]>();
  for (let n = 0; n < items.length; n++) {
    for (const key of items[n].bandKeys) {
      const list = holders.get(key);
      if (list) list.push(n);
      else holders.set(key, [n]);
    }
  }
  if (holders.size === 0) return found;
  const keys = [...holders.keys()];
  // One index probe per key: the lateral subquery with `offset 0` is not flattened into a join, so
  // the plan does not depend on table statistics (stale ones chose a scan of the whole datanet's
  // bands). Probing in key order walks the index pages in order (~30% faster than arrival order on a
  // 400,000-row index). The hits come back as one "id ordinal,..." string, not tens of thousands of rows.
  const [row] = await db<{ hits: string | null }[]>`
    select string_agg(b.contribution_id::text || ' ' || k.n::text, ',') as hits
    from (select * from unnest(${keys}::bigint[]) with ordinality as u(key, n) order by key) as k
    cross join lateral (
      select contribution_id from contribution_bands
      where datanet_id = ${datanetId} and band_key = k.key offset 0) b`;
  if (!row?.hits) return found;
  // Candidate id -> the key ordinals it matched.
  const matched = new Map<string, number[]>();
  for (const hit of row.hits.split(',')) {
    const space = hit.indexOf(' ');
    const id = hit.slice(0, space);
    const ordinal = Number(hit.slice(space + 1)) - 1;
    const list = matched.get(id);
    if (list) list.push(ordinal);
    else matched.set(id, [ordinal]);
  }
  const signatures = new Map<string, Uint32Array>();
  const missing: string[] = [];
  for (const id of matched.keys()) {
    const sig = cache?.get(id);
    if (sig) signatures.set(id, sig);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db<{ id: string; minhash: Buffer }[]>`
      select id, minhash from contributions where id = any(${missing}::bigint[]) and status <> 'withdrawn'`;
    for (const r of rows) {
      const sig = deserializeSignature(r.minhash);
      signatures.set(r.id, sig);
      cache?.set(r.id, sig);
    }
  }
  // Each (item, candidate) pair is compared once, however many bands they share.
  const lastCandidate = new Int32Array(items.length).fill(-1);
  let c = 0;
  for (const [id, ordinals] of matched) {
    c++;
    const sig = signatures.get(id);
    if (!sig) continue;
    for (const ordinal of ordinals) {
      for (const n of holders.get(keys[ordinal]) ?? []) {
        if (lastCandidate[n] === c) continue;
        lastCandidate[n] = c;
        const similarity = estimateSimilarity(items[n].signature, sig);
        if (similarity < threshold) continue;
        const best = found.get(items[n].index);
        if (
          !best ||
          similarity > best.similarity ||
          (similarity === best.similarity && lowerId(id, best.contributionId))
        )
          found.set(items[n].index, { contributionId: id, similarity });
      }
    }
  }
  return found;
}

function lowerId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}
