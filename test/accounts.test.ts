import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';

let t: TestApp;
let now = new Date('2026-11-24T12:00:00Z');
beforeAll(async () => {
  t = await createTestApp({}, { now: () => now });
});
afterAll(async () => t?.cleanup());

describe('accounts and identities', () => {
  it('creates one account per Discord identity, on first use only', async () => {
    const a = await t.app.accounts.resolveIdentity({ identity: 'discord:111' });
    const b = await t.app.accounts.resolveIdentity({ identity: 'discord:111' });
    expect(a.created).toBe(true);
    expect(b).toEqual({ accountId: a.accountId, created: false });
  });

  it('refuses malformed identities and never auto-creates wallet or key identities', async () => {
    await expect(t.app.accounts.resolveIdentity({ identity: 'discord:abc' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    await expect(
      t.app.accounts.resolveIdentity({ identity: `wallet:0x${'a'.repeat(40)}` }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('stores API keys hashed and authenticates only the exact key', async () => {
    const agent = await t.app.accounts.createAgent({ name: 'poetry-agent' });
    expect(agent.apiKey).toMatch(/^pl_/);
    const stored = await t.app.database
      .sql`select secret_hash::text as h from api_keys where id = ${agent.keyId}`;
    // The secret is base64url and may itself contain '_': take it by position, not by splitting.
    const secret = agent.apiKey.slice('pl_'.length + 16 + 1);
    expect(secret).toHaveLength(43);
    expect(stored[0].h).not.toContain(secret);
    expect(stored[0].h).not.toContain(Buffer.from(secret).toString('hex'));
    await expect(t.app.accounts.authenticateApiKey(agent.apiKey)).resolves.toMatchObject({
      accountId: agent.accountId,
    });
    const tampered = `${agent.apiKey.slice(0, -1)}${agent.apiKey.endsWith('A') ? 'B' : 'A'}`;
    await expect(t.app.accounts.authenticateApiKey(tampered)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await t.app.accounts.revokeApiKey({ accountId: agent.accountId, keyId: agent.keyId });
    await expect(t.app.accounts.authenticateApiKey(agent.apiKey)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('links a Telegram identity to a Discord account with a one-time code, moving a fresh balance', async () => {
    const discord = await fundedPerson(t.app, 'poet');
    const tg = await t.app.accounts.resolveIdentity({ identity: 'telegram:777' });
    await t.app.ledger.requestFaucet({ accountId: tg.accountId, idempotencyKey: 'tg-seed' });
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    const linked = await t.app.accounts.redeemLinkCode({
      identity: 'telegram:777',
      code: code.toLowerCase(),
    });
    expect(linked).toEqual({ accountId: discord, alreadyLinked: false });
    expect((await t.app.accounts.resolveIdentity({ identity: 'telegram:777' })).accountId).toBe(discord);
    expect((await t.app.ledger.getBalance({ accountId: discord })).available).toBe(200n * TOKEN);
    expect((await t.app.ledger.getBalance({ accountId: tg.accountId })).available).toBe(0n);
    // A retry by the same identity replays the link and moves nothing.
    expect(await t.app.accounts.redeemLinkCode({ identity: 'telegram:777', code })).toEqual({
      accountId: discord,
      alreadyLinked: true,
    });
    expect((await t.app.ledger.getBalance({ accountId: discord })).available).toBe(200n * TOKEN);
    // Single use.
    await expect(t.app.accounts.redeemLinkCode({ identity: 'telegram:778', code })).rejects.toMatchObject({
      code: 'EXPIRED',
    });
  });

  it('refuses an expired link code', async () => {
    const discord = await fundedPerson(t.app);
    const { code } = await t.app.accounts.createLinkCode({ accountId: discord });
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(t.app.accounts.redeemLinkCode({ identity: 'telegram:900', code })).rejects.toMatchObject({
      code: 'EXPIRED',
    });
  });
});

describe('ledger', () => {
  it('transfers exactly, refuses overdrafts and replays by idempotency key', async () => {
    const a = await fundedPerson(t.app);
    const b = await fundedPerson(t.app);
    const first = await t.app.ledger.transfer({
      fromAccountId: a,
      toAccountId: b,
      amount: '5',
      idempotencyKey: 'k1',
    });
    const again = await t.app.ledger.transfer({
      fromAccountId: a,
      toAccountId: b,
      amount: '5',
      idempotencyKey: 'k1',
    });
    expect(again).toEqual({ txId: first.txId, replayed: true });
    await expect(
      t.app.ledger.transfer({
        fromAccountId: a,
        toAccountId: b,
        amount: (1000n * TOKEN).toString(),
        idempotencyKey: 'k2',
      }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect((await t.app.ledger.getBalance({ accountId: a })).available).toBe(100n * TOKEN - 5n);
    expect((await t.app.ledger.getBalance({ accountId: b })).available).toBe(100n * TOKEN + 5n);
  });

  it('refuses an unbalanced transaction in the database itself', async () => {
    const sql = t.app.database.sql;
    await expect(
      sql.begin(async (tx) => {
        const [row] = await tx`insert into ledger_transactions (kind) values ('bad') returning id`;
        await tx`insert into ledger_entries (tx_id, ledger_account_id, amount) values (${row.id}, ${t.app.deps.system.faucet}, 5)`;
      }),
    ).rejects.toThrow(/does not sum to zero/);
  });

  it('keeps the faucet off unless configured', async () => {
    const off = await createTestApp({ DEV_FAUCET_ENABLED: 'false' });
    try {
      const { accountId } = await off.app.accounts.resolveIdentity({ identity: 'discord:1' });
      await expect(off.app.ledger.requestFaucet({ accountId, idempotencyKey: 'x' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    } finally {
      await off.cleanup();
    }
  });
});
