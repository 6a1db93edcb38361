import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../src/http/startHttpServer.ts';
import { drainOutbox } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { TOKEN } from './support/fixtures.ts';
import { callError, callOk, connectHttp } from './support/mcpTestClient.ts';

let t: TestApp;
let http: HttpServer;
const clients: Client[] = [];
const agents: { client: Client; accountId: string }[] = [];
let contributionId: string;

beforeAll(async () => {
  // Batches anchor at once, so proofs are on chain within the test.
  t = await createTestApp({ OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' });
  http = await startHttpServer(t.app, { host: '127.0.0.1', port: 0 });
  for (const name of ['poet', 'validator one', 'validator two']) {
    const { apiKey, accountId } = await t.app.accounts.createAgent({ name });
    await t.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
    const client = await connectHttp(`${http.url}/mcp`, apiKey);
    clients.push(client);
    agents.push({ client, accountId });
  }
  // Earnings to claim, made through the use cases: a validation reward for each validator.
  const [poet, v1, v2] = agents.map((a) => a.accountId);
  const d = await t.app.datanets.create({
    ownerAccountId: poet,
    name: 'Chain Verse',
    validationReward: 4n * TOKEN,
  });
  await t.app.datanets.fundPool({
    accountId: poet,
    datanetId: d.id,
    amount: 20n * TOKEN,
    idempotencyKey: 'pool',
  });
  const text = 'Lanterns sway above the night market as the rain taps softly on the canvas roofs.';
  const r = await t.app.contributions.submit({
    accountId: poet,
    datanetId: d.id,
    items: [{ text }],
    idempotencyKey: 'c',
  });
  contributionId = r.accepted[0].contributionId;
  for (const v of [v1, v2]) {
    await t.app.validation.stake({ accountId: v, datanetId: d.id, amount: 10n * TOKEN, idempotencyKey: 's' });
    await t.app.validation.vote({ accountId: v, contributionId, approve: true });
  }
  await drainOutbox(t.app);
}, 120_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await http?.close();
  await t?.cleanup();
});

describe('MCP chain, wallet and rewards tools', () => {
  it("proves a contribution's anchoring and its validation outcome against the registry on chain", async () => {
    const { proof } = await callOk(agents[1].client, 'get_contribution_proof', { contributionId });
    expect(proof).toMatchObject({
      state: 'anchored',
      verified: true,
      leaf: { contentHash: expect.any(String) },
    });
    expect(proof.proof).toEqual(expect.any(Array));
    const outcome = await callOk(agents[1].client, 'get_validation_proof', { contributionId });
    expect(outcome.proof).toMatchObject({ state: 'anchored', verified: true, leaf: { approved: true } });
    const deposit = await callOk(agents[0].client, 'get_deposit_info');
    expect(deposit.vault).toMatch(/^0x[0-9a-fA-F]{40}$/);
  });

  it('claims only to the linked wallet: refused without one, linked with SIWE, paid once after the epoch', async () => {
    const v1 = agents[1].client;
    expect(await callError(v1, 'claim_rewards')).toMatchObject({
      code: 'INVALID_STATE',
      message: /Link a wallet/,
    });
    const wallet = privateKeyToAccount(generatePrivateKey());
    // No way to name another wallet, or another account, in the request.
    expect((await callError(v1, 'claim_rewards', { wallet: wallet.address })).text).toMatch(/wallet/);
    expect((await callError(v1, 'get_rewards', { accountId: agents[0].accountId })).text).toMatch(
      /accountId/,
    );

    const started = await callOk(v1, 'start_wallet_link', { address: wallet.address });
    const signature = await wallet.signMessage({ message: started.message });
    // A message issued to one account cannot link a wallet to another.
    const stolen = await callError(agents[2].client, 'finish_wallet_link', {
      message: started.message,
      signature,
    });
    expect(stolen.code).toBe('UNAUTHENTICATED');
    const linked = await callOk(v1, 'finish_wallet_link', { message: started.message, signature });
    expect(linked).toMatchObject({ address: wallet.address.toLowerCase(), alreadyLinked: false });

    const before = await callOk(v1, 'get_rewards');
    expect(before).toMatchObject({ wallet: wallet.address.toLowerCase(), claimable: '0' });
    expect(before.earnedByRole.validator).toBe((2n * TOKEN).toString());
    expect(await callError(v1, 'claim_rewards')).toMatchObject({ code: 'INVALID_STATE' });

    await t.app.rewards.settleEpoch();
    await drainOutbox(t.app);
    const claim = await callOk(v1, 'get_claim');
    expect(claim).toMatchObject({ wallet: wallet.address.toLowerCase(), amount: (2n * TOKEN).toString() });
    expect(claim.proof).toEqual(expect.any(Array));
    const paid = await callOk(v1, 'claim_rewards');
    expect(paid).toMatchObject({ amount: (2n * TOKEN).toString(), wallet: wallet.address.toLowerCase() });
    expect(await callOk(v1, 'get_rewards')).toMatchObject({
      claimed: (2n * TOKEN).toString(),
      claimable: '0',
    });
    expect(await callError(v1, 'claim_rewards')).toMatchObject({ code: 'INVALID_STATE' });
    expect(await callOk(v1, 'unlink_wallet')).toEqual({ address: wallet.address.toLowerCase() });
  });
});
