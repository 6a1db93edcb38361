import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { type FakeTelegram, startFakeTelegram } from './fakeTelegram/startFakeTelegram.ts';
import { TEST_BOT_TOKEN, WEBHOOK_SECRET } from './fakeTelegram/startTelegramHarness.ts';
import { killSpawned, spawnTracked } from './support/spawnTracked.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'potluck.js');
const dirs: string[] = [];
let fake: FakeTelegram;

beforeAll(async () => {
  fake = await startFakeTelegram(TEST_BOT_TOKEN);
});
// A failed assertion must not leave a `potluck start` running: every child is killed, pass or fail.
afterEach(killSpawned);
afterAll(async () => {
  await fake?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs the real CLI with the embedded defaults plus `env`, until `ready` shows in its output. */
function run(args: string[], env: Record<string, string>, ready: RegExp) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'potluck-tg-cli-'));
  dirs.push(dataDir);
  const child = spawnTracked(process.execPath, [bin, ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      POTLUCK_DATA_DIR: dataDir,
      HTTP_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const started = new Promise<{ child: ChildProcess; output: () => string }>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) resolve({ child, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited early with ${code}:\n${out}`)));
  });
  return started;
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('the Telegram bot from the CLI', () => {
  it('runs inside `potluck start` when TELEGRAM_TOKEN is set, by long polling', async () => {
    const env = { TELEGRAM_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot };
    const { child, output } = await run(['start'], env, /Ready in/);
    expect(output()).toMatch(/telegram\s+@potluck_test_bot \(long polling\)/);
    const from = fake.state.calls.length;
    await fake.push(messageUpdate({ id: 9901, first_name: 'Cli' }, '/help'));
    const reply = await fake.waitForCall((c) => c.method === 'sendMessage', from);
    expect(String(reply.payload.text)).toContain('What I can do');
    expect(await stop(child)).toBe(0);
    expect(output()).toContain('Stopped cleanly.');
  }, 180_000);

  it('runs alone with `potluck telegram`, by webhook on the service HTTP server', async () => {
    const port = await freePort();
    const env = {
      TELEGRAM_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      HTTP_PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/tg/hook`,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    };
    const { child, output } = await run(['telegram'], env, /running \(webhook at/);
    expect(fake.state.webhook).toEqual({ url: `http://127.0.0.1:${port}/tg/hook`, secret: WEBHOOK_SECRET });
    const from = fake.state.calls.length;
    expect(
      (await fake.postToWebhook(messageUpdate({ id: 9902, first_name: 'Hook' }, '/help'), WEBHOOK_SECRET))
        .status,
    ).toBe(200);
    const reply = await fake.waitForCall((c) => c.method === 'sendMessage', from);
    expect(Number(reply.payload.chat_id)).toBe(9902);
    expect(await stop(child)).toBe(0);
    expect(output()).toContain('Stopped cleanly.');
  }, 180_000);

  it('refuses a webhook without a secret, naming the variable', async () => {
    await expect(
      run(
        ['telegram'],
        { TELEGRAM_TOKEN: TEST_BOT_TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' },
        /never/,
      ),
    ).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL/);
  });
});
