import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePrivateKey } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployContracts } from '../src/chain/deployContracts.ts';
import {
  type EmbeddedChain,
  embeddedPrivateKey,
  startEmbeddedChain,
} from '../src/chain/startEmbeddedChain.ts';
import { runDoctor } from '../src/cli/runDoctor.ts';
import { loadTestServices } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/openDatabase.ts';
import { serveRpc } from './support/rpcProxy.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-doctor-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function doctor(
  env: Record<string, string>,
): Promise<{ code: number; out: string; line: (name: string) => string }> {
  let out = '';
  const code = await runDoctor({ env, write: (text) => (out += text) });
  // A check's line, and its "→ what to do" line when it has one.
  const line = (name: string) => {
    const m = new RegExp(`^ {2}(ready|NOT READY) +${name} .*(\\n {20,}→ .*)?`, 'm').exec(out);
    if (!m) throw new Error(`no "${name}" line in:\n${out}`);
    return m[0];
  };
  return { code, out, line };
}

// A closed port on loopback: connecting is refused at once, no network needed.
const CLOSED = '127.0.0.1:1';

describe('potluck doctor', () => {
  it('passes on a healthy config: embedded (or TEST_DATABASE_URL / TEST_REDIS_URL when set)', async () => {
    const dir = tempDir();
    const { databaseUrl, redisUrl } = loadTestServices();
    const env = {
      POTLUCK_DATA_DIR: dir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const before = await doctor(env);
    expect(before.code, before.out).toBe(0);
    expect(before.out).toContain('Everything configured is ready.');
    expect(before.out).not.toContain('NOT READY');
    if (redisUrl) expect(before.line('redis')).toMatch(/answered PONG/);
    if (databaseUrl) {
      expect(before.line('database')).toMatch(/ready +database +PostgreSQL .*select 1 ok/);
      return;
    }
    expect(before.line('database')).toMatch(/no database yet/);
    // Once the database exists (as `potluck start` leaves it), doctor opens it and counts migrations.
    const db = await openDatabase({ pgliteDataDir: path.join(dir, 'pgdata') });
    await migrate(db.sql);
    await db.close();
    const after = await doctor(env);
    expect(after.code, after.out).toBe(0);
    expect(after.line('database')).toMatch(
      /ready +database +embedded PGlite .*select 1 ok; \d+ migrations applied/,
    );
  });

  it('reports an embedded database held by another running process', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true });
    // Our parent (the test runner) is alive and is not us: as if a `potluck start` held the folder.
    fs.writeFileSync(path.join(dir, 'pgdata', 'potluck.lock'), String(process.ppid));
    const { code, line } = await doctor({ POTLUCK_DATA_DIR: dir });
    expect(code).toBe(1);
    expect(line('database')).toMatch(
      new RegExp(`NOT READY +database .*in use by process ${process.ppid}[^]*→ `),
    );
  });

  it('reports a bad or unreachable database, unreachable Redis and malformed bot tokens, printing no secret', async () => {
    const discordToken = `${Buffer.from('nobody').toString('base64url')}.GkLh4x.${'s'.repeat(30)}`;
    const unreachable = await doctor({
      POTLUCK_DATA_DIR: tempDir(),
      DATABASE_URL: `postgres://potluck:hunter2secret@${CLOSED}/potluck`,
      REDIS_URL: `redis://:redispass99@${CLOSED}`,
      DISCORD_TOKEN: discordToken,
      TELEGRAM_TOKEN: 'not-a-telegram-token',
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.line('database')).toMatch(
      /NOT READY +database +cannot use postgres:\/\/potluck:\*\*\*@127\.0\.0\.1:1/,
    );
    expect(unreachable.line('database')).toMatch(/→ start PostgreSQL/);
    expect(unreachable.line('redis')).toMatch(
      /NOT READY +redis +cannot reach redis:\/\/:\*\*\*@127\.0\.0\.1:1.*ECONNREFUSED/,
    );
    expect(unreachable.line('discord')).toMatch(/NOT READY +discord +DISCORD_TOKEN .*not shown.*bot's id/);
    // TELEGRAM_TOKEN fails the configuration too; the other checks still ran.
    expect(unreachable.line('configuration')).toMatch(
      /NOT READY +configuration +1 problem\(s\): TELEGRAM_TOKEN/,
    );
    expect(unreachable.line('telegram')).toMatch(/NOT READY +telegram +TELEGRAM_TOKEN .*not shown/);
    for (const secret of [
      'hunter2secret',
      'redispass99',
      discordToken,
      'not-a-telegram-token',
      's'.repeat(30),
    ]) {
      expect(unreachable.out).not.toContain(secret);
    }

    const malformed = await doctor({
      POTLUCK_DATA_DIR: tempDir(),
      DATABASE_URL: 'mysql://root@localhost/potluck',
    });
    expect(malformed.code).toBe(1);
    expect(malformed.line('configuration')).toMatch(/NOT READY +configuration .*DATABASE_URL/);
    expect(malformed.line('database')).toMatch(/NOT READY +database +DATABASE_URL is invalid/);
    // A rule across variables (an RPC URL needs a key) sets both aside; the rest is still checked.
    const halfChain = await doctor({ POTLUCK_DATA_DIR: tempDir(), CHAIN_RPC_URL: `http://${CLOSED}` });
    expect(halfChain.line('configuration')).toMatch(/CHAIN_PRIVATE_KEY: required with CHAIN_RPC_URL/);
    expect(halfChain.line('chain')).toMatch(/NOT READY +chain +CHAIN_RPC_URL, CHAIN_PRIVATE_KEY is invalid/);
    expect(halfChain.line('database')).toMatch(/ready +database/);

    const wellFormed = await doctor({
      POTLUCK_DATA_DIR: tempDir(),
      DISCORD_TOKEN: `${Buffer.from('123456789012345678').toString('base64url')}.GkLh4x.${'a'.repeat(30)}`,
      TELEGRAM_TOKEN: `123456789:${'A'.repeat(35)}`,
    });
    expect(wellFormed.code, wellFormed.out).toBe(0);
    expect(wellFormed.line('discord')).toMatch(/ready +discord +DISCORD_TOKEN looks like a bot token/);
    expect(wellFormed.line('telegram')).toMatch(/ready +telegram +TELEGRAM_TOKEN looks like a bot token/);
  });

  describe('a chain over CHAIN_RPC_URL', () => {
    let node: EmbeddedChain;
    let rpc: Awaited<ReturnType<typeof serveRpc>>;
    let env: Record<string, string>;
    beforeAll(async () => {
      node = await startEmbeddedChain({ chainId: 8453, accounts: 1 });
      const d = await deployContracts(node.walletClient, node.publicClient);
      rpc = await serveRpc(node);
      env = {
        CHAIN_RPC_URL: rpc.url,
        CHAIN_ID: '8453',
        CHAIN_PRIVATE_KEY: embeddedPrivateKey(0),
        CHAIN_TOKEN_ADDRESS: d.token,
        CHAIN_REGISTRY_ADDRESS: d.registry,
        CHAIN_VAULT_ADDRESS: d.vault,
      };
    });
    afterAll(async () => {
      await rpc?.close();
      await node?.close();
    });

    it('is ready when the chain id matches, the contracts have code and the signer has gas', async () => {
      const ok = await doctor({ POTLUCK_DATA_DIR: tempDir(), ...env });
      expect(ok.code, ok.out).toBe(0);
      expect(ok.line('chain')).toMatch(
        /ready +chain +http:\/\/127\.0\.0\.1:\d+\/: chain 8453, token, registry and vault have code/,
      );
      expect(ok.out).not.toContain(env.CHAIN_PRIVATE_KEY.slice(2));

      const wrongId = await doctor({ POTLUCK_DATA_DIR: tempDir(), ...env, CHAIN_ID: '1' });
      expect(wrongId.line('chain')).toMatch(/NOT READY +chain .*serves chain 8453, but CHAIN_ID is 1/);
      const noCode = await doctor({
        POTLUCK_DATA_DIR: tempDir(),
        ...env,
        CHAIN_VAULT_ADDRESS: `0x${'42'.repeat(20)}`,
      });
      expect(noCode.line('chain')).toMatch(/NOT READY +chain .*no contract at vault 0x4242/);
      const broke = await doctor({
        POTLUCK_DATA_DIR: tempDir(),
        ...env,
        CHAIN_PRIVATE_KEY: generatePrivateKey(),
      });
      expect(broke.line('chain')).toMatch(/NOT READY +chain .*has no gas/);
      expect(broke.code).toBe(1);
    });
  });
});
