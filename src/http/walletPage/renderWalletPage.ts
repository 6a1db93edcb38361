import { esc, layout } from './html.ts';

/**
 * The link or claim page's shell. Nothing account-specific is in it: the script reads the one-time
 * token from the fragment and asks /wallet/api for the rest.
 */
export function renderWalletPage(purpose: 'link' | 'claim', scriptUrl: string, chainId: number): string {
  const title = purpose === 'link' ? 'Link your wallet' : 'Claim your rewards';
  const intro =
    purpose === 'link'
      ? 'Connect your Ethereum wallet and sign a Sign-In with Ethereum message. Signing costs nothing and sends no transaction.'
      : `Send the claim from your wallet on chain ${esc(chainId)}. The tokens go to your linked wallet; you pay the gas.`;
  return layout(
    title,
    `<h1>${esc(title)}</h1><p>${intro}</p>
<p id="status" role="status" aria-live="polite">Loading…</p>
<div id="wallets"></div>
<dl id="details"></dl>
<noscript>This page needs JavaScript to talk to your wallet.</noscript>`,
    { purpose, script: scriptUrl },
  );
}
