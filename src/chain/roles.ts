import { keccak256, toHex, zeroHash } from 'viem';

/** AccessControl role ids, equal to the contracts' `keccak256("<NAME>")` constants. */
export const ROLES = {
  admin: zeroHash,
  minter: keccak256(toHex('MINTER_ROLE')),
  anchor: keccak256(toHex('ANCHOR_ROLE')),
  rootPoster: keccak256(toHex('ROOT_POSTER_ROLE')),
  pauser: keccak256(toHex('PAUSER_ROLE')),
} as const;
