import type { Deps } from '../shared/deps.ts';
import { createWalletPageLink } from './createWalletPageLink.ts';
import { finishPageWalletLink } from './finishPageWalletLink.ts';
import { getPublicReceipt } from './getPublicReceipt.ts';
import { getWalletPageLinkStatus } from './getWalletPageLinkStatus.ts';
import { getWalletPageSession } from './getWalletPageSession.ts';
import { prepareWalletPageClaim } from './prepareWalletPageClaim.ts';
import { recordWalletPageClaim } from './recordWalletPageClaim.ts';
import { startPageWalletLink } from './startPageWalletLink.ts';
import { takeWalletLinkConfirmations } from './takeWalletLinkConfirmations.ts';

const bind =
  <I, R>(deps: Deps, useCase: (deps: Deps, input: I) => Promise<R>) =>
  (input: I) =>
    useCase(deps, input);

/** The wallet and receipt pages' use cases, as `app.walletPage.*` (app.ts spreads them in). */
export function bindWalletPageUseCases(deps: Deps) {
  return {
    walletPage: {
      createLink: bind(deps, createWalletPageLink),
      linkStatus: bind(deps, getWalletPageLinkStatus),
      takeLinkConfirmations: bind(deps, takeWalletLinkConfirmations),
      session: bind(deps, getWalletPageSession),
      startLink: bind(deps, startPageWalletLink),
      finishLink: bind(deps, finishPageWalletLink),
      prepareClaim: bind(deps, prepareWalletPageClaim),
      recordClaim: bind(deps, recordWalletPageClaim),
      publicReceipt: bind(deps, getPublicReceipt),
    },
  };
}
