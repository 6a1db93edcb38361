import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { generate, staleFiles } from './build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let files: Map<string, string>;

beforeAll(async () => {
  files = await generate();
});

// The committed files were written by an earlier process, so equality also shows the build is reproducible.
it('contracts/generated is up to date with the Solidity sources', async () => {
  expect([...files.keys()].sort()).toEqual(['AttributionRegistry.ts', 'PotluckToken.ts', 'RewardVault.ts']);
  expect(await staleFiles(files)).toEqual([]);
});

it('notices a changed or missing module', async () => {
  const changed = new Map(files);
  changed.set('RewardVault.ts', `${files.get('RewardVault.ts')}\n`);
  changed.set('New.ts', '');
  changed.delete('PotluckToken.ts');
  expect(await staleFiles(changed)).toEqual(['New.ts', 'PotluckToken.ts', 'RewardVault.ts']);
});

it('build.ts --check exits 0 and says so', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'contracts/build.ts', '--check'],
    // Killed if it hangs, so a timed-out test leaves no compiler running.
    { cwd: root, timeout: 120_000 },
  );
  expect(stdout).toContain('up to date');
});
