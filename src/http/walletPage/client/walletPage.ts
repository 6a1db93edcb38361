/// <reference lib="dom" />
// The wallet page's script, bundled with viem by esbuild on the first page request (never from a CDN).
// It reads its one-time token from the URL fragment (which browsers never send to a server), talks
// to the user's wallet over EIP-1193, and to this server's /wallet/api only.
import {
  type Address,
  createClient,
  custom,
  type EIP1193Provider,
  formatUnits,
  type Hex,
  numberToHex,
  parseAbi,
} from 'viem';
// Actions imported one by one (not createWalletClient's whole set), so the bundle carries only these.
import { readContract, signMessage, waitForTransactionReceipt, writeContract } from 'viem/actions';

const vaultAbi = parseAbi([
  'function claim(uint64 epoch, address account, uint256 cumulativeAmount, bytes32[] proof) returns (uint256)',
]);
const tokenAbi = parseAbi(['function balanceOf(address) view returns (uint256)']);

interface Session {
  purpose: 'link' | 'claim';
  expiresAt: string;
  chainId: number;
  linkedWallet: string | null;
  chain: { vault: Address; token: Address; explorerUrl: string | null; publicRpcUrl: string | null } | null;
  claim: {
    wallet: Address;
    epoch: number;
    cumulativeAmount: string;
    alreadyClaimed: string;
    amount: string;
  } | null;
}
interface Prepared {
  wallet: Address;
  epoch: number;
  cumulativeAmount: string;
  amount: string;
  proof: Hex[];
  vault: Address;
  chainId: number;
}
interface Found {
  name: string;
  provider: EIP1193Provider;
}

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const purpose = document.body.dataset.purpose === 'claim' ? 'claim' : 'link';
const pot = (v: string | bigint) => `${formatUnits(BigInt(v), 18)} POT`;

// The token leaves the address bar at once (no bookmarks, no screenshots of it); the tab keeps it.
const key = `potluck-${purpose}`;
if (location.hash.length > 1) {
  sessionStorage.setItem(key, location.hash.slice(1));
  history.replaceState(null, '', location.pathname);
}
const token = sessionStorage.getItem(key) ?? '';

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function api<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`/wallet/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, ...body }),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Refused(data.error?.code ?? 'INTERNAL', data.error?.message ?? `HTTP ${res.status}`);
  return data as T;
}

function say(text: string, kind: 'info' | 'ok' | 'error' = 'info') {
  const s = $('status');
  s.textContent = text;
  s.dataset.kind = kind;
}

function row(label: string, value: string, id?: string) {
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  dd.textContent = value;
  if (id) dd.id = id;
  $('details').append(dt, dd);
  return dd;
}

/** EIP-6963 wallets announce themselves; a lone window.ethereum is the fallback. */
async function discoverWallets(): Promise<Found[]> {
  const found: Found[] = [];
  const seen = new Set<string>();
  window.addEventListener('eip6963:announceProvider', (event: Event) => {
    const d = (event as CustomEvent).detail as {
      info?: { uuid?: string; name?: string };
      provider?: EIP1193Provider;
    };
    if (!d?.provider || !d.info?.uuid || seen.has(d.info.uuid)) return;
    seen.add(d.info.uuid);
    found.push({ name: String(d.info.name ?? 'Wallet'), provider: d.provider });
  });
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  await new Promise((r) => setTimeout(r, 250));
  const injected = (window as unknown as { ethereum?: EIP1193Provider }).ethereum;
  if (found.length === 0 && injected) found.push({ name: 'Browser wallet', provider: injected });
  return found;
}

async function connect(provider: EIP1193Provider): Promise<Address> {
  const accounts = (await provider.request({ method: 'eth_requestAccounts' })) as Address[];
  if (!accounts?.[0]) throw new Refused('BAD_INPUT', 'The wallet shared no account.');
  return accounts[0];
}

async function link(provider: EIP1193Provider) {
  const address = await connect(provider);
  say(`Connected ${address}. Asking the server for the sign-in message…`);
  const started = await api<{ message: string }>('link/start', { address });
  say('Sign the message in your wallet.');
  const wallet = createClient({ transport: custom(provider) });
  const signature = await signMessage(wallet, { account: address, message: started.message });
  const linked = await api<{ address: string; replaced: string | null; alreadyLinked: boolean }>(
    'link/finish',
    {
      message: started.message,
      signature,
    },
  );
  $('linked').textContent = linked.address;
  say(
    linked.alreadyLinked
      ? `${linked.address} was already your wallet. You can close this page.`
      : `Linked ${linked.address}${linked.replaced ? ` (replacing ${linked.replaced})` : ''}. The bot confirms in chat; you can close this page.`,
    'ok',
  );
}

/** Moves the wallet to the server's chain, adding it first where a public RPC URL is configured. */
async function ensureChain(provider: EIP1193Provider, session: Session) {
  const want = session.chainId;
  const current = () => provider.request({ method: 'eth_chainId' }).then((id) => Number(id));
  if ((await current()) === want) return;
  say(`Asking your wallet to switch to chain ${want}…`);
  try {
    await provider.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: numberToHex(want) }],
    });
  } catch (error) {
    const rpc = session.chain?.publicRpcUrl;
    if ((error as { code?: number }).code !== 4902 || !rpc) throw wrongChain(await current(), want);
    await provider.request({
      method: 'wallet_addEthereumChain',
      params: [
        {
          chainId: numberToHex(want),
          chainName: `Potluck chain ${want}`,
          nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
          rpcUrls: [rpc],
          blockExplorerUrls: session.chain?.explorerUrl ? [session.chain.explorerUrl] : undefined,
        },
      ],
    });
  }
  const now = await current();
  if (now !== want) throw wrongChain(now, want);
}

const wrongChain = (got: number, want: number) =>
  new Refused(
    'WRONG_CHAIN',
    `Your wallet is on chain ${got}; rewards are claimed on chain ${want}. Switch networks and try again.`,
  );

async function claim(provider: EIP1193Provider, session: Session) {
  const account = await connect(provider);
  const prepared = await api<Prepared>('claim/prepare');
  await ensureChain(provider, session);
  say('Confirm the claim in your wallet.');
  const wallet = createClient({ transport: custom(provider) });
  const hash = await writeContract(wallet, {
    account,
    chain: null,
    address: prepared.vault,
    abi: vaultAbi,
    functionName: 'claim',
    args: [BigInt(prepared.epoch), prepared.wallet, BigInt(prepared.cumulativeAmount), prepared.proof],
  });
  const sent = await api<{ txHash: Hex; explorerUrl: string | null }>('claim/sent', { txHash: hash });
  const tx = $('tx');
  tx.textContent = '';
  if (sent.explorerUrl) {
    const a = document.createElement('a');
    a.href = sent.explorerUrl;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.textContent = hash;
    tx.append(a);
  } else tx.textContent = hash;
  say('Sent. Waiting for the transaction to confirm…');
  const reader = createClient({ transport: custom(provider), pollingInterval: 500 });
  const receipt = await waitForTransactionReceipt(reader, { hash });
  if (receipt.status !== 'success')
    throw new Refused('CHAIN_ERROR', `The claim transaction ${hash} failed on chain.`);
  const balance = await readContract(reader, {
    address: session.chain!.token,
    abi: tokenAbi,
    functionName: 'balanceOf',
    args: [prepared.wallet],
  });
  $('balance').textContent = pot(balance);
  say(`Claimed ${pot(prepared.amount)} to ${prepared.wallet}.`, 'ok');
}

async function main() {
  let session: Session;
  try {
    session = await api<Session>('session', { purpose });
  } catch (error) {
    say((error as Error).message, 'error');
    return;
  }
  row('Chain', String(session.chainId));
  row('Linked wallet', session.linkedWallet ?? 'none yet', 'linked');
  row('Link valid until', new Date(session.expiresAt).toLocaleString());
  if (purpose === 'claim') {
    const c = session.claim;
    if (!c) {
      say(
        session.chain
          ? 'Link a wallet first: rewards are claimed to a linked wallet.'
          : 'This server has no chain.',
        'error',
      );
      return;
    }
    row('Epoch', String(c.epoch));
    row('Committed to your wallet (cumulative)', pot(c.cumulativeAmount));
    row('Already claimed', pot(c.alreadyClaimed));
    row('Claimable now', pot(c.amount), 'claimable');
    row('Transaction', '—', 'tx');
    row('Wallet balance', '—', 'balance');
  }
  const wallets = await discoverWallets();
  if (wallets.length === 0) {
    say('No browser wallet found. Open this page in a browser with an Ethereum wallet.', 'error');
    return;
  }
  say(purpose === 'link' ? 'Choose your wallet to link it.' : 'Choose your wallet to claim.');
  for (const w of wallets) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${purpose === 'link' ? 'Link with' : 'Claim with'} ${w.name}`;
    button.addEventListener('click', async () => {
      for (const b of $('wallets').querySelectorAll('button')) b.disabled = true;
      try {
        await (purpose === 'link' ? link(w.provider) : claim(w.provider, session));
      } catch (error) {
        const e = error as { code?: unknown; shortMessage?: string; message?: string };
        const text =
          e.code === 4001 ? 'You declined in the wallet.' : (e.shortMessage ?? e.message ?? String(error));
        say(text, 'error');
        $('status').dataset.code = String(e.code ?? '');
        for (const b of $('wallets').querySelectorAll('button')) b.disabled = false;
      }
    });
    $('wallets').append(button);
  }
}

void main();
