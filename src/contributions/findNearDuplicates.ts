import type { Db } from '../db/openDatabase.ts';
import { deserializeSignature } from './checks/deserializeSignature.ts';
import { estimateSimilarity } from './checks/estimateSimilarity.ts';
import type { PreparedItem } from './prepareItem.ts';

/**
 * For each item, the most similar earlier contribution in the datanet at or above `threshold`.
 * Candidates come from shared LSH band keys (an indexed lookup), then MinHash similarity decides.
 */
export async function findNearDuplicates(
  db: Db,
  datanetId: string,
  items: PreparedItem[],
  threshold: number,
): Promise<Map<number, { contributionId: string; similarity: number }>> {
  const found = new Map<number, { contributionId: string; similarity: number }>();
  const keys = [...new Set(items.flatMap((i) => i.bandKeys))];
  if (keys.length === 0) return found;
  const hits = await db<{ band_key: string; contribution_id: string }[]>`
    select b.band_key::text as band_key, b.contribution_id from contribution_bands b
    where b.datanet_id = ${datanetId} and b.band_key in (select unnest(${keys}::bigint[]))`;
  if (hits.length === 0) return found;
  const byKey = new Map<string, string[]>();
  for (const h of hits) byKey.set(h.band_key, [...(byKey.get(h.band_key) ?? []), h.contribution_id]);
  const candidateIds = [...new Set(hits.map((h) => h.contribution_id))];
  const sigs = await db<{ id: string; minhash: Buffer }[]>`
    select id, minhash from contributions where id = any(${candidateIds}) and status <> 'withdrawn'`;
  const sigById = new Map(sigs.map((s) => [s.id, deserializeSignature(s.minhash)]));
  for (const item of items) {
    let best: { contributionId: string; similarity: number } | null = null;
    const candidates = new Set(item.bandKeys.flatMap((k) => byKey.get(k) ?? []));
    for (const id of candidates) {
      const sig = sigById.get(id);
      if (!sig) continue;
      const similarity = estimateSimilarity(item.signature, sig);
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { contributionId: id, similarity };
    }
    if (best) found.set(item.index, best);
  }
  return found;
}
