import { type Hex, keccak256, stringToHex } from 'viem';

/**
 * The bytes32 that stands for an off-chain id on chain (datanet, batch, contribution, model, receipt).
 * Hashing with a namespace works for any id format (uuid, bigint, slug), keeps kinds from colliding and
 * reveals nothing the service does not already publish; the service recomputes it to map events back.
 */
export function toBytes32Ref(namespace: string, id: string | number | bigint): Hex {
  return keccak256(stringToHex(`potluck:${namespace}:${String(id)}`));
}

/**
 * A Potluck account's on-chain reference (`contributorRef` in contribution leaves, `accountRef` in vault
 * deposits). It is derived from the account id, not a wallet, so contributors need no wallet and linking
 * one later changes nothing already anchored.
 */
export function accountRef(accountId: string | number | bigint): Hex {
  return toBytes32Ref('account', accountId);
}
