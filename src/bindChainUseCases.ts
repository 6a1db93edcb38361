import { finishWalletLink } from './accounts/finishWalletLink.ts';
import { startWalletLink } from './accounts/startWalletLink.ts';
import { unlinkWallet } from './accounts/unlinkWallet.ts';
import { getContributionProof } from './anchoring/getContributionProof.ts';
import { getValidationProof } from './anchoring/getValidationProof.ts';
import { type RunOutboxOptions, runOutboxOnce } from './anchoring/runOutboxOnce.ts';
import { getModelSnapshotProof } from './models/getModelSnapshotProof.ts';
import { getClaim } from './rewards/getClaim.ts';
import { getDepositInfo } from './rewards/getDepositInfo.ts';
import { getRewards } from './rewards/getRewards.ts';
import { settleEpoch } from './rewards/settleEpoch.ts';
import { submitClaim } from './rewards/submitClaim.ts';
import { syncVaultEvents } from './rewards/syncVaultEvents.ts';
import type { Deps } from './shared/deps.ts';

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
      /** One outbox pass (the chain.outbox job runs it every CHAIN_POLL_MS). */
      runOutboxOnce: (options: RunOutboxOptions = {}) => runOutboxOnce(deps, options),
      /** Credits deposits and settles claims seen on chain. */
      syncEvents: () => syncVaultEvents(deps),
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
