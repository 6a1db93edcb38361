// The chain port: everything the core needs to talk to the Potluck contracts.
export { registryAbi, tokenAbi, vaultAbi } from './abis.ts';
export { type Deployment, type DeployOptions, deployContracts } from './deployContracts.ts';
export {
  type ContributionLeaf,
  contributionTree,
  LEAF_ENCODINGS,
  type ReceiptLeaf,
  type RewardLeaf,
  receiptTree,
  rewardTree,
  type ValidationLeaf,
  validationTree,
} from './merkleTrees.ts';
export { ROLES } from './roles.ts';
export {
  type EmbeddedChain,
  type EmbeddedChainOptions,
  embeddedPrivateKey,
  startEmbeddedChain,
} from './startEmbeddedChain.ts';
export { accountRef, toBytes32Ref } from './toBytes32Ref.ts';
export { toChainError } from './toChainError.ts';
export type { ChainPublicClient, ChainWalletClient, ContractAddresses } from './types.ts';
