import type { McpTool } from '../defineTool.ts';
import { cancelTrainingRun } from './cancelTrainingRun.ts';
import { claimRewards } from './claimRewards.ts';
import { contribute } from './contribute.ts';
import { contributeFile } from './contributeFile.ts';
import { createAgentKey } from './createAgentKey.ts';
import { createDatanet } from './createDatanet.ts';
import { createLinkCode } from './createLinkCode.ts';
import { finishWalletLink } from './finishWalletLink.ts';
import { fundDatanetPool } from './fundDatanetPool.ts';
import { getBalance } from './getBalance.ts';
import { getClaim } from './getClaim.ts';
import { getContribution } from './getContribution.ts';
import { getContributionProof } from './getContributionProof.ts';
import { getContributorLeaderboard } from './getContributorLeaderboard.ts';
import { getDatanet } from './getDatanet.ts';
import { getDepositInfo } from './getDepositInfo.ts';
import { getModel } from './getModel.ts';
import { getModelSnapshotProof } from './getModelSnapshotProof.ts';
import { getReceipt } from './getReceipt.ts';
import { getRewards } from './getRewards.ts';
import { getTrainingRun } from './getTrainingRun.ts';
import { getValidationProof } from './getValidationProof.ts';
import { getValidatorLeaderboard } from './getValidatorLeaderboard.ts';
import { getValidatorStatus } from './getValidatorStatus.ts';
import { invokeModel } from './invokeModel.ts';
import { listBaseModels } from './listBaseModels.ts';
import { listDatanets } from './listDatanets.ts';
import { listModels } from './listModels.ts';
import { listPendingReviews } from './listPendingReviews.ts';
import { listTrainingRuns } from './listTrainingRuns.ts';
import { openWalletPage } from './openWalletPage.ts';
import { previewDataset } from './previewDataset.ts';
import { publishModel } from './publishModel.ts';
import { redeemLinkCode } from './redeemLinkCode.ts';
import { requestFaucet } from './requestFaucet.ts';
import { revokeApiKey } from './revokeApiKey.ts';
import { seedGoldItems } from './seedGoldItems.ts';
import { stakeAsValidator } from './stakeAsValidator.ts';
import { startTrainingRun } from './startTrainingRun.ts';
import { startWalletLink } from './startWalletLink.ts';
import { transferTokens } from './transferTokens.ts';
import { unlinkWallet } from './unlinkWallet.ts';
import { unstakeAsValidator } from './unstakeAsValidator.ts';
import { vote } from './vote.ts';
import { withdrawContribution } from './withdrawContribution.ts';

/** Every tool, in the order a client lists them: discover, contribute, validate, train, use, prove, money, account. */
export const allTools: McpTool[] = [
  listDatanets,
  getDatanet,
  previewDataset,
  createDatanet,
  fundDatanetPool,
  contribute,
  contributeFile,
  getContribution,
  withdrawContribution,
  listPendingReviews,
  vote,
  stakeAsValidator,
  unstakeAsValidator,
  getValidatorStatus,
  getValidatorLeaderboard,
  getContributorLeaderboard,
  seedGoldItems,
  listBaseModels,
  startTrainingRun,
  getTrainingRun,
  listTrainingRuns,
  cancelTrainingRun,
  publishModel,
  listModels,
  getModel,
  invokeModel,
  getReceipt,
  getContributionProof,
  getValidationProof,
  getModelSnapshotProof,
  getBalance,
  getRewards,
  getClaim,
  claimRewards,
  startWalletLink,
  finishWalletLink,
  openWalletPage,
  unlinkWallet,
  getDepositInfo,
  requestFaucet,
  transferTokens,
  createLinkCode,
  createAgentKey,
  redeemLinkCode,
  revokeApiKey,
];
