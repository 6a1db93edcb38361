import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getContractAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { embeddedPrivateKey } from '../src/chain/startEmbeddedChain.ts';
import { loadConfig } from '../src/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[]; disable?: boolean };
}

/** compose.yaml as Compose reads it: anchors and `<<` merges resolved. */
function compose(): { services: Record<string, Service>; volumes: Record<string, unknown> } {
  return parse(read('compose.yaml'), { merge: true });
}

describe('deploy files', () => {
  it('compose.yaml: PostgreSQL, Redis, one chain node, the service and N workers, wired to each other', () => {
    const { services, volumes } = compose();
    expect(Object.keys(services).sort()).toEqual([
      'chain',
      'migrate',
      'postgres',
      'potluck',
      'redis',
      'worker',
    ]);
    expect(services.worker.command).toEqual(['worker']);
    expect(services.worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.chain.command).toEqual(['chain']);
    expect(services.potluck.command).toEqual(['start']);
    for (const [name, s] of Object.entries(services)) {
      for (const dep of Object.keys(s.depends_on ?? {}))
        expect(services, `${name} → ${dep}`).toHaveProperty(dep);
      if (s.build) expect(s.build, name).toBe('.');
    }
    for (const v of ['pgdata', 'redisdata', 'data']) expect(volumes).toHaveProperty(v);

    // Every Potluck process's environment is a valid configuration, on the shared services.
    const potluckProcesses = ['migrate', 'potluck', 'worker'];
    const pg = services.postgres.environment!;
    for (const name of potluckProcesses) {
      const env = services[name].environment!;
      const config = loadConfig(env);
      expect(config.databaseUrl, name).toBe(
        `postgres://${pg.POSTGRES_USER}:${pg.POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`,
      );
      expect(config.redisUrl, name).toBe('redis://redis:6379');
      // One chain for the whole cluster: the chain service, on the port it listens on.
      expect(config.chain.rpcUrl, name).toBe(
        `http://chain:${services.chain.environment!.CHAIN_NODE_PORT}/`.slice(0, -1),
      );
      expect(config.chain.chainId, name).toBe(Number(services.chain.environment!.CHAIN_ID));
      expect(config.artifacts.backend, name).toBe('postgres');
    }
    expect(loadConfig(services.potluck.environment!).jobs.inStart).toBe(false);
    expect(loadConfig(services.potluck.environment!).http.host).toBe('0.0.0.0');
    expect(loadConfig(services.chain.environment!).chainNode).toEqual({ host: '0.0.0.0', port: 8545 });

    // The addresses and key are the ones `potluck chain` deploys with (test/scaleOut.test.ts runs it).
    const key = embeddedPrivateKey(0);
    const deployer = privateKeyToAccount(key).address;
    const env = services.potluck.environment!;
    expect(env.CHAIN_PRIVATE_KEY).toBe(key);
    expect([env.CHAIN_TOKEN_ADDRESS, env.CHAIN_REGISTRY_ADDRESS, env.CHAIN_VAULT_ADDRESS]).toEqual(
      [0n, 1n, 2n].map((nonce) => getContractAddress({ from: deployer, nonce })),
    );

    // Where the Compose CLI is installed, it must accept the file too.
    const cli = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    if (cli.status === 0) {
      const check = spawnSync('docker', ['compose', '-f', 'compose.yaml', 'config', '--quiet'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(check.status, check.stderr).toBe(0);
    }
  });

  it('Dockerfile: multi-stage, runs as a non-root user, health-checks /health/ready, ships every source folder', () => {
    const lines = read('Dockerfile')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'));
    const text = lines.join('\n');
    const stages = lines.filter((l) => /^FROM /.test(l));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/COPY --from=deps/);
    expect(text).toMatch(/npm ci --omit=dev/);
    const user = lines.findLast((l) => /^USER /.test(l));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    // USER comes before what runs: the entrypoint and the health check run as that user.
    expect(lines.indexOf(user!)).toBeLessThan(lines.findIndex((l) => /^ENTRYPOINT /.test(l)));
    expect(text).toMatch(/HEALTHCHECK[\s\S]*\/health\/ready/);
    expect(text).toMatch(/ENTRYPOINT \["node", "bin\/potluck.js"\]/);
    // Every folder of the checkout except the tests and benchmarks is code the CLI may load.
    const tracked = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).stdout.split('\n');
    const folders = new Set(tracked.filter((f) => f.includes('/')).map((f) => f.split('/')[0]));
    for (const folder of [...folders].filter((f) => !['test', 'bench'].includes(f) && !f.startsWith('.'))) {
      expect(text, folder).toMatch(new RegExp(`^COPY [^\\n]*\\b${folder} \\./${folder}$`, 'm'));
    }
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toContain('node_modules');
    expect(ignored).toContain('.git');
  });
});
