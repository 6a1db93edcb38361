import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { type FakeTelegram, startFakeTelegram } from './fakeTelegram/startFakeTelegram.ts';
import { TEST_BOT_TOKEN } from './fakeTelegram/startTelegramHarness.ts';

// The fake itself, spoken to over HTTP the way the Bot API is: if it did not honour offsets, the
// bot's own dedupe would hide that in the bot tests, so it is pinned down here.
let fake: FakeTelegram;
/** The shapes these tests read back: updates, a sent message, a file. */
type Result = { update_id: number }[] & { message_id: number; file_path: string; file_size: number };
const user = { id: 42, first_name: 'Ada' };
const call = async (method: string, body: Record<string, unknown> = {}, token = TEST_BOT_TOKEN) => {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; result: Result; description?: string },
  };
};

beforeAll(async () => {
  fake = await startFakeTelegram(TEST_BOT_TOKEN);
});
afterAll(async () => fake?.close());

describe('fake Telegram Bot API', () => {
  it('refuses a wrong token like Telegram does', async () => {
    expect((await call('getMe', {}, '1:wrong')).status).toBe(401);
    expect((await call('getMe')).body.result).toMatchObject({ is_bot: true, username: 'potluck_test_bot' });
  });

  it('serves queued updates, forgets those below the offset, and long-polls for new ones', async () => {
    const a = messageUpdate(user, 'one');
    const b = messageUpdate(user, 'two');
    await fake.push(a, b);
    expect(
      (await call('getUpdates', { offset: 0 })).body.result.map((u: { update_id: number }) => u.update_id),
    ).toEqual([a.update_id, b.update_id]);
    // Confirming a (offset a+1) drops it for good.
    expect((await call('getUpdates', { offset: a.update_id + 1 })).body.result).toHaveLength(1);
    expect((await call('getUpdates', { offset: 0 })).body.result).toHaveLength(1);
    // Nothing pending: a long poll waits until an update arrives, then returns it.
    const waiting = call('getUpdates', { offset: b.update_id + 1, timeout: 30 });
    const c = messageUpdate(user, 'three');
    setTimeout(() => void fake.push(c), 50);
    expect((await waiting).body.result.map((u: { update_id: number }) => u.update_id)).toEqual([c.update_id]);
    // A timeout of 0 answers at once.
    expect((await call('getUpdates', { offset: c.update_id + 1, timeout: 0 })).body.result).toEqual([]);
  });

  it('refuses polling while a webhook is set, until it is deleted', async () => {
    await call('setWebhook', { url: 'http://127.0.0.1:1/hook', secret_token: 'abcdefghijklmnop' });
    expect((await call('getUpdates', {})).status).toBe(409);
    await call('deleteWebhook');
    expect((await call('getUpdates', {})).status).toBe(200);
  });

  it('refuses HTML Telegram could not parse, over-long button data, and edits that change nothing', async () => {
    const bad = await call('sendMessage', { chat_id: 42, text: 'a < b & c', parse_mode: 'HTML' });
    expect(bad.body.description).toMatch(/can't parse entities/);
    const button = { inline_keyboard: [[{ text: 'x', callback_data: 'x'.repeat(65) }]] };
    expect((await call('sendMessage', { chat_id: 42, text: 'hi', reply_markup: button })).status).toBe(400);
    const sent = await call('sendMessage', { chat_id: 42, text: '<b>hi</b>', parse_mode: 'HTML' });
    const edit = {
      chat_id: 42,
      message_id: sent.body.result.message_id,
      text: '<b>hi</b>',
      parse_mode: 'HTML',
    };
    expect((await call('editMessageText', edit)).body.description).toMatch(/message is not modified/);
    expect((await call('editMessageText', { ...edit, text: 'bye' })).status).toBe(200);
  });

  it('serves files through getFile and the file download path', async () => {
    const file = fake.addFile(Buffer.from('شعر'), 'documents/file_9.txt');
    const got = await call('getFile', { file_id: file.fileId });
    expect(got.body.result).toMatchObject({ file_path: 'documents/file_9.txt', file_size: 6 });
    const res = await fetch(`${fake.apiRoot}/file/bot${TEST_BOT_TOKEN}/documents/file_9.txt`);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('شعر');
    expect((await fetch(`${fake.apiRoot}/file/bot1:wrong/documents/file_9.txt`)).status).toBe(404);
  });
});
