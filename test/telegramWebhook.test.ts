import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import {
  startTelegramHarness,
  type TelegramHarness,
  WEBHOOK_SECRET,
} from './fakeTelegram/startTelegramHarness.ts';

const user: FakeUser = { id: 7001, first_name: 'Webhook' };
let h: TelegramHarness;
const sentTo = (chatId: number) =>
  h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === chatId);

beforeAll(async () => {
  h = await startTelegramHarness({ mode: 'webhook' });
});
afterAll(async () => h?.close());

describe('telegram bot by webhook', () => {
  it('registers the webhook with its secret and never polls', async () => {
    const [set] = h.fake.callsOf('setWebhook');
    expect(set.payload.url).toBe(`${h.http!.url}/telegram/webhook`);
    expect(set.payload.secret_token).toBe(WEBHOOK_SECRET);
    expect(h.fake.callsOf('getUpdates')).toHaveLength(0);
    // English menus for every app and Persian ones for apps set to Persian, per chat type.
    expect(
      h.fake
        .callsOf('setMyCommands')
        .map((c) => `${(c.payload.scope as { type: string }).type}|${c.payload.language_code ?? ''}`),
    ).toEqual(['all_private_chats|', 'all_group_chats|', 'all_private_chats|fa', 'all_group_chats|fa']);
  });

  it('answers an update Telegram POSTs with the right secret, through the service HTTP server', async () => {
    const update = messageUpdate(user, '/help');
    const res = await h.fake.postToWebhook(update, WEBHOOK_SECRET);
    expect(res.status).toBe(200);
    // The answer is sent before the webhook request completes.
    expect(sentTo(user.id).map((c) => String(c.payload.text))).toEqual([
      expect.stringContaining('What I can do'),
    ]);
  });

  it('refuses a wrong or missing secret without running anything', async () => {
    const before = h.fake.state.calls.length;
    expect((await h.fake.postToWebhook(messageUpdate(user, '/link'), 'not-the-secret-at-all')).status).toBe(
      401,
    );
    expect((await h.fake.postToWebhook(messageUpdate(user, '/link'), undefined)).status).toBe(401);
    expect(h.fake.state.calls.length).toBe(before);
    const [row] = await h.app.database
      .sql`select count(*)::int as n from identities where identity = ${`telegram:${user.id}`}`;
    expect(row.n).toBe(0);
  });

  it('runs a redelivered update (a retried POST) once', async () => {
    const before = sentTo(user.id).length;
    const update = messageUpdate(user, '/link');
    expect((await h.fake.postToWebhook(update, WEBHOOK_SECRET)).status).toBe(200);
    expect((await h.fake.postToWebhook(update, WEBHOOK_SECRET)).status).toBe(200);
    expect(sentTo(user.id).length - before).toBe(1);
    const [codes] = await h.app.database.sql`
      select count(*)::int as n from link_codes l join identities i on i.account_id = l.account_id
      where i.identity = ${`telegram:${user.id}`}`;
    expect(codes.n).toBe(1);
  });

  it('answers refusals through the same error boundary as polling', async () => {
    const res = await h.fake.postToWebhook(messageUpdate(user, '/link NOPE-NOPE2'), WEBHOOK_SECRET);
    expect(res.status).toBe(200);
    expect(String(sentTo(user.id).at(-1)?.payload.text)).toMatch(/invalid, used or expired/);
  });
});
