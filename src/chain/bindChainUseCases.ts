import { getClaim } from '../rewards/getClaim.ts';
import { getRewards } from '../rewards/getRewards.ts';
import { settleEpoch } from '../rewards/settleEpoch.ts';
import { submitClaim } from '../rewards/submitClaim.ts';
import type { Deps } from '../shared/deps.ts';
import { getContributionProof } from './getContributionProof.ts';
import { getDepositInfo } from './getDepositInfo.ts';
import { getModelSnapshotProof } from './getModelSnapshotProof.ts';
import { getValidationProof } from './getValidationProof.ts';
import { type RunOutboxOptions, runOutboxOnce } from './outbox/runOutboxOnce.ts';
import { startChainLoop } from './startChainLoop.ts';
import { syncVaultEvents } from './syncVaultEvents.ts';
import { finishWalletLink } from './wallets/finishWalletLink.ts';
import { startWalletLink } from './wallets/startWalletLink.ts';
import { unlinkWallet } from './wallets/unlinkWallet.ts';

const bind =
  <I, R>(deps: Deps, useCase: (deps: Deps, input: I) => Promise<R>) =>
  (input: I) =>
    useCase(deps, input);

/**
 * The chain, wallet and rewards use cases bound to the app's ports, as groups of the app object
 * (`app.rewards.getClaim(...)`). Kept here so app.ts only spreads them in.
 */
export function bindChainUseCases(deps: Deps) {
  return {
    chain: {
      getContributionProof: bind(deps, getContributionProof),
      getValidationProof: bind(deps, getValidationProof),
      getModelSnapshotProof: bind(deps, getModelSnapshotProof),
      getDepositInfo: bind(deps, getDepositInfo),
      /** One outbox worker pass (the loop in `potluck start` runs it every CHAIN_POLL_MS). */
      runOutboxOnce: (options: RunOutboxOptions = {}) => runOutboxOnce(deps, options),
      /** Credits deposits and settles claims seen on chain. */
      syncEvents: () => syncVaultEvents(deps),
      startLoop: () => startChainLoop(deps),
    },
    wallets: {
      startLink: bind(deps, startWalletLink),
      finishLink: bind(deps, finishWalletLink),
      unlink: bind(deps, unlinkWallet),
    },
    rewards: {
      settleEpoch: () => settleEpoch(deps),
      getClaim: bind(deps, getClaim),
      submitClaim: bind(deps, submitClaim),
      getRewards: bind(deps, getRewards),
    },
  };
}
