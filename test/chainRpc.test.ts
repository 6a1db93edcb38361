import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedChain,
  embeddedPrivateKey,
  startEmbeddedChain,
} from '../src/chain/startEmbeddedChain.ts';
import { runDeploy } from '../src/cli/runDeploy.ts';
import { loadConfig } from '../src/config.ts';
import { AppError } from '../src/errors.ts';
import { chainOf, drainOutbox } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { serveRpc } from './support/rpcProxy.ts';

let node: EmbeddedChain;
let rpc: Awaited<ReturnType<typeof serveRpc>>;
let env: Record<string, string>;
let t: TestApp | undefined;

beforeAll(async () => {
  node = await startEmbeddedChain({ chainId: 8453, accounts: 2 });
  rpc = await serveRpc(node);
  env = { CHAIN_RPC_URL: rpc.url, CHAIN_PRIVATE_KEY: embeddedPrivateKey(1), CHAIN_ID: '8453' };
});
afterAll(async () => {
  await t?.cleanup();
  await rpc?.close();
  await node?.close();
});

describe('a real chain over CHAIN_RPC_URL', () => {
  it('`potluck deploy` deploys and prints the addresses; the service then anchors through JSON-RPC', async () => {
    let printed = '';
    expect(await runDeploy(loadConfig(env), (l) => (printed += l))).toBe(0);
    const vars = Object.fromEntries([...printed.matchAll(/^(CHAIN_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(vars).sort()).toEqual([
      'CHAIN_REGISTRY_ADDRESS',
      'CHAIN_START_BLOCK',
      'CHAIN_TOKEN_ADDRESS',
      'CHAIN_VAULT_ADDRESS',
    ]);
    expect(printed).not.toContain(env.CHAIN_PRIVATE_KEY.slice(2));

    t = await createTestApp({ ...env, ...vars, OUTBOX_BATCH_MAX_WAIT_SECONDS: '0' });
    const chain = chainOf(t.app);
    expect(chain.kind).toBe('rpc');
    expect(chain.key).toBe(`8453:${vars.CHAIN_VAULT_ADDRESS.toLowerCase()}`);
    const owner = await fundedPerson(t.app);
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Over RPC', deposit: '0' });
    const res = await t.app.contributions.submit({
      accountId: owner,
      datanetId: d.id,
      idempotencyKey: 'rpc',
      items: [{ text: 'A line sent over JSON-RPC to a chain that is not in this process.' }],
    });
    await drainOutbox(t.app);
    const proof = await t.app.chain.getContributionProof({ contributionId: res.accepted[0].contributionId });
    expect(proof.state === 'anchored' && proof.verified).toBe(true);
    // The service does not pay users' gas on a real chain.
    const relay = await t.app.rewards.submitClaim({ accountId: owner }).catch((e: unknown) => e);
    expect((relay as AppError).code).toBe('FORBIDDEN');
    // The signing key never shows in the config's serialised form.
    const key = env.CHAIN_PRIVATE_KEY.slice(2);
    expect(JSON.stringify(t.app.config, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(
      key,
    );
    expect(inspect(t.app.config, { depth: 10 })).not.toContain(key);
    expect(t.app.config.chain.privateKey).toBe(env.CHAIN_PRIVATE_KEY);
  });

  it('refuses incomplete or mismatched chain settings', async () => {
    expect(() => loadConfig({ CHAIN_RPC_URL: rpc.url })).toThrow(/CHAIN_PRIVATE_KEY: required/);
    expect(() =>
      loadConfig({ ...env, CHAIN_VAULT_ADDRESS: '0x0000000000000000000000000000000000000001' }),
    ).toThrow(/set all three or none/);
    const noAddresses = await createTestApp(env).catch((e: unknown) => e);
    expect((noAddresses as AppError).message).toMatch(/potluck deploy/);
    const wrongChain = await createTestApp({ ...env, CHAIN_ID: '1' }).catch((e: unknown) => e);
    expect(wrongChain).toBeInstanceOf(AppError);
  });
});
