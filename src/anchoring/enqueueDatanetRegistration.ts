import { keccak256, stringToHex } from 'viem';
import { enqueueChainWrite } from '../chain/outbox/enqueueChainWrite.ts';
import { datanetMetadataOf } from '../datanets/datanetStore.ts';
import type { Db } from '../db/openDatabase.ts';
import { stableStringify } from '../shared/stableStringify.ts';
import { datanetRef } from './refs.ts';
import { accountRef } from './toBytes32Ref.ts';

/**
 * Enqueues the datanet's on-chain registration in the caller's transaction. The metadata hash covers
 * what a datanet is born with (name, content type, languages, owner), hashed at enqueue time and frozen
 * in the payload, so later renames cannot make a replay conflict. The dedupe key makes it safe to call
 * again: the batcher does, so datanets created before the chain existed get registered before their
 * first anchor.
 */
export async function enqueueDatanetRegistration(db: Db, datanetId: string): Promise<void> {
  const d = await datanetMetadataOf(db, datanetId);
  if (!d) throw new Error(`datanet ${datanetId} does not exist`);
  const metadata = stableStringify({
    id: datanetId,
    name: d.name,
    contentType: d.content_type,
    languages: d.languages,
    owner: accountRef(d.owner_account_id),
  });
  await enqueueChainWrite(db, {
    kind: 'register_datanet',
    dedupeKey: `register_datanet:${datanetId}`,
    payload: { datanetId, datanetRef: datanetRef(datanetId), metadataHash: keccak256(stringToHex(metadata)) },
  });
}
