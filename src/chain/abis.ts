// One import point for the generated ABIs, so callers never reach into contracts/generated themselves.
export {
  abi as registryAbi,
  bytecode as registryBytecode,
} from '../../contracts/generated/AttributionRegistry.ts';
export { abi as tokenAbi, bytecode as tokenBytecode } from '../../contracts/generated/PotluckToken.ts';
export { abi as vaultAbi, bytecode as vaultBytecode } from '../../contracts/generated/RewardVault.ts';
