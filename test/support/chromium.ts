import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's chromium: the path when present, else one `apt-get install -y chromium` attempt (where
 * apt-get and root are available), else null with the reason, for a test that must skip.
 */
export function findChromium(): { path: string } | { path: null; reason: string } {
  if (fs.existsSync(CHROMIUM)) return { path: CHROMIUM };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && fs.existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', timeout: 300_000 });
    if (fs.existsSync(CHROMIUM)) return { path: CHROMIUM };
  }
  return {
    path: null,
    reason: `Chromium not found at ${CHROMIUM} and "apt-get install -y chromium" did not provide it`,
  };
}

/** Headless Chromium on a fresh profile, nothing phoning home; `close` also removes the profile. */
export async function launchChromium(
  executablePath: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-chromium-'));
  // launchPersistentContext is how Playwright takes an explicit --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      // Chromium's helpers may still be writing the profile as it exits.
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
