-- One-time links to the wallet page (link a wallet, claim rewards) handed out by the bots and MCP.
-- The token in the link acts as a credential for one account, so only its SHA-256 is kept. A link
-- token is spent when the wallet is linked; a claim token when the claim transaction is reported.
create table wallet_page_tokens (
  id bigint generated always as identity primary key,
  token_sha256 text not null unique,
  account_id bigint not null references accounts (id),
  purpose text not null check (purpose in ('link', 'claim')),
  -- Who handed it out, and where to confirm (a Telegram chat id); the bots poll for their confirmations.
  surface text not null check (surface in ('discord', 'telegram', 'mcp')),
  notify_ref text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  linked_address text,
  claim_wallet text,
  claim_epoch bigint,
  claim_tx_hash text,
  confirmed_at timestamptz
);
-- Link confirmations a bot has yet to tell.
create index wallet_page_tokens_unconfirmed on wallet_page_tokens (surface)
  where used_at is not null and confirmed_at is null;
-- A claim of this wallet and epoch already sent from the page.
create index wallet_page_tokens_claims on wallet_page_tokens (claim_wallet, claim_epoch)
  where claim_tx_hash is not null;
