import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedPrivateKey } from '../src/chain/startEmbeddedChain.ts';
import { chainOf, drainOutbox } from './support/chainHelpers.ts';
import { createTestApp, type TestApp } from './support/createTestApp.ts';
import { fundedPerson } from './support/fixtures.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-chain-node-'));
let t: TestApp | undefined;
afterAll(async () => {
  await t?.cleanup();
  await killSpawned();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('potluck chain: one chain node for a cluster', () => {
  it('serves the embedded EVM with the contracts over JSON-RPC; a service anchors on it; SIGTERM stops it', async () => {
    const node = spawnTracked(process.execPath, [path.join(root, 'bin', 'potluck.js'), 'chain'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: dataDir, POTLUCK_DATA_DIR: dataDir, CHAIN_NODE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    node.stdout?.on('data', (d) => {
      out += d;
    });
    node.stderr?.on('data', (d) => {
      out += d;
    });
    const deadline = Date.now() + 60_000;
    while (!/CHAIN_START_BLOCK=\d+/.test(out)) {
      if (node.exitCode !== null || Date.now() > deadline)
        throw new Error(`potluck chain did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const vars = Object.fromEntries(
      [...out.matchAll(/^(CHAIN_[A-Z_]+)=(0x[0-9a-fA-F]{40}|\d+|http\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(vars).sort()).toEqual([
      'CHAIN_ID',
      'CHAIN_REGISTRY_ADDRESS',
      'CHAIN_RPC_URL',
      'CHAIN_START_BLOCK',
      'CHAIN_TOKEN_ADDRESS',
      'CHAIN_VAULT_ADDRESS',
    ]);
    // It names the key without printing it.
    expect(out).not.toContain(embeddedPrivateKey(0).slice(2));

    t = await createTestApp({
      ...vars,
      CHAIN_PRIVATE_KEY: embeddedPrivateKey(0),
      OUTBOX_BATCH_MAX_WAIT_SECONDS: '0',
    });
    expect(chainOf(t.app).kind).toBe('rpc');
    const owner = await fundedPerson(t.app);
    const d = await t.app.datanets.create({ ownerAccountId: owner, name: 'Node Verse', deposit: '0' });
    const res = await t.app.contributions.submit({
      accountId: owner,
      datanetId: d.id,
      idempotencyKey: 'node',
      items: [{ text: 'A line anchored on a chain node that runs in a process of its own.' }],
    });
    await drainOutbox(t.app);
    const proof = await t.app.chain.getContributionProof({ contributionId: res.accepted[0].contributionId });
    expect(proof.state === 'anchored' && proof.verified).toBe(true);

    const exited = new Promise<number | null>((resolve) => node.once('exit', resolve));
    node.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
