import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import type { RecordedCall } from './fakeTelegram/startFakeTelegram.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { type PaidModel, publishPaidModel } from './support/publishPaidModel.ts';
import { samplePoem } from './support/samplePoems.ts';

const asker: FakeUser = { id: 8101, first_name: 'Asker' };
const other: FakeUser = { id: 8102, first_name: 'Other' };
const poet: FakeUser = { id: 8103, first_name: 'Poet', language_code: 'fa' };
const GROUP = -100810;

let h: TelegramHarness;
let model: PaidModel;
let datanetName: string;
const textOf = (c: { payload: Record<string, unknown> }) => String(c.payload.text);
const sentIn = (chatId: number, from = 0) =>
  h.fake.state.calls
    .slice(from)
    .filter((c) => c.method === 'sendMessage' && !c.error && Number(c.payload.chat_id) === chatId);
const urlButtons = (c: RecordedCall) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; url?: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  )
    .flat()
    .filter((b) => b.url);

/** Resolves when a request matching `match` reaches the fake, which parks it until released. */
function holdFirst(match: (method: string, payload: Record<string, unknown>) => boolean) {
  let arrived!: () => void;
  const reached = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const hold = h.fake.hold((method, payload) => {
    if (!match(method, payload)) return false;
    arrived();
    return true;
  });
  return { reached, release: hold.release };
}

beforeAll(async () => {
  // A short file deadline so the stalled download below is given up quickly.
  h = await startTelegramHarness({ mode: 'polling', fileTimeoutMs: 1500 });
  model = await publishPaidModel(h.app);
  datanetName = (await h.app.datanets.get({ datanet: model.datanetId })).name;
  for (const user of [asker, poet]) {
    const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${user.id}` });
    await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  }
}, 120_000);
afterAll(async () => h?.close());

describe('telegram long polling through the runner', () => {
  it('answers /rewards in another chat while a slow /ask waits, and keeps one chat in order', async () => {
    // Telegram is slow to take the /ask's "typing…": the /ask is stuck mid-handler until released.
    const slow = holdFirst((m, p) => m === 'sendChatAction' && Number(p.chat_id) === asker.id);
    const from = h.fake.state.calls.length;
    await h.fake.push(messageUpdate(asker, `/ask ${model.modelId} the river at night`));
    await slow.reached;
    // A second message in the same chat, and someone else's /rewards in theirs.
    await h.fake.push(messageUpdate(asker, '/help'));
    const rewards = await h.send(messageUpdate(other, '/rewards'));
    expect(textOf(rewards)).toContain('Available');
    // Nothing in the asker's chat yet: /help waits behind the /ask (sequentialize per chat).
    expect(sentIn(asker.id, from)).toHaveLength(0);

    slow.release();
    const help = await h.fake.waitForCall(
      (c) =>
        c.method === 'sendMessage' &&
        Number(c.payload.chat_id) === asker.id &&
        textOf(c).includes('What I can do'),
      from,
    );
    const inAskerChat = sentIn(asker.id, from);
    expect(inAskerChat).toHaveLength(2);
    expect(textOf(inAskerChat[0])).toContain('Receipt');
    expect(inAskerChat[1]).toBe(help);
    // The order of replies: /rewards (other chat) first, then the /ask, then the /help.
    const calls = h.fake.state.calls;
    expect(calls.indexOf(rewards)).toBeLessThan(calls.indexOf(inAskerChat[0]));
  });

  it('waits out a 429 for retry_after and sends the reply', async () => {
    const from = h.fake.state.calls.length;
    h.fake.rateLimit('sendMessage', 1, 1);
    await h.fake.push(messageUpdate(other, '/help'));
    const sent = await h.fake.waitForCall(
      (c) => c.method === 'sendMessage' && !c.error && Number(c.payload.chat_id) === other.id,
      from,
    );
    expect(textOf(sent)).toContain('What I can do');
    const attempts = h.fake.state.calls.slice(from).filter((c) => c.method === 'sendMessage');
    expect(attempts.map((c) => c.error ?? 'ok')).toEqual(['Too Many Requests: retry after 1', 'ok']);
  });
});

describe('command menus per chat type', () => {
  it('lists personal commands only in private chats, in each language', async () => {
    const menu = (scope: string, language = '') =>
      (h.fake.state.commandMenus.get(`${scope}|${language}`) ?? []).map((c) => c.command);
    const personal = ['rewards', 'history', 'claim', 'wallet', 'notify', 'link'];
    for (const language of ['', 'fa']) {
      expect(menu('all_private_chats', language)).toEqual(expect.arrayContaining([...personal, 'train']));
      expect(menu('all_group_chats', language)).toEqual(
        expect.arrayContaining(['ask', 'leaderboard', 'contribute', 'train', 'help']),
      );
      for (const p of personal) expect(menu('all_group_chats', language)).not.toContain(p);
    }
    // Persian descriptions for Persian apps, through the Bot API's own read-back.
    const fa = await h.runtime.bot.api.getMyCommands({
      scope: { type: 'all_group_chats' },
      language_code: 'fa',
    });
    expect(fa.find((c) => c.command === 'help')?.description).toBe('کارهایی که از من برمی‌آید');
  });

  it('answers /help in a group with the group menu and a button to the private chat', async () => {
    const help = await h.send(messageUpdate(other, '/help', { chatId: GROUP }));
    expect(textOf(help)).toContain('/leaderboard');
    expect(textOf(help)).not.toContain('/rewards');
    expect(urlButtons(help).map((b) => b.url)).toEqual(['https://t.me/potluck_test_bot?start=help']);
    // A personal command in the group is refused with the same way out; in private it has none.
    const refused = await h.send(messageUpdate(other, '/history', { chatId: GROUP }));
    expect(textOf(refused)).toMatch(/private chat/);
    expect(urlButtons(refused).map((b) => b.url)).toEqual(['https://t.me/potluck_test_bot?start=help']);
    const privateHelp = await h.send(messageUpdate(other, '/help'));
    expect(textOf(privateHelp)).toContain('/rewards');
    expect(urlButtons(privateHelp)).toEqual([]);
  });
});

describe('file downloads through @grammyjs/files', () => {
  it('downloads a contributed file from the URL the plugin builds', async () => {
    const content = Buffer.from(samplePoem('fa', 7, 200));
    const file = h.fake.addFile(content, 'documents/runner_1.txt');
    const from = h.fake.state.calls.length;
    const reply = await h.send(documentUpdate(poet, file, { fileName: 'ghazal.txt', caption: datanetName }));
    expect(textOf(reply)).toMatch(/#\d+/);
    const calls = h.fake.state.calls.slice(from).map((c) => c.method);
    expect(calls.indexOf('getFile')).toBeLessThan(calls.indexOf('file'));
    const id = /#(\d+)/.exec(textOf(reply))![1];
    const stored = await h.app.contributions.get({ contributionId: id });
    expect(stored.content).toBe(content.toString('utf8').trim());
  });

  it('gives up a stalled download at the deadline and says so', async () => {
    const file = h.fake.addFile(Buffer.from(samplePoem('fa', 8, 200)), 'documents/runner_2.txt');
    const stalled = holdFirst((m, p) => m === 'file' && p.file_path === 'documents/runner_2.txt');
    const [before] = await h.app.database.sql`select count(*)::int as n from contributions`;
    const reply = await h.send(documentUpdate(poet, file, { fileName: 'slow.txt', caption: datanetName }));
    await stalled.reached;
    stalled.release();
    // The poet's app is in Persian: "Telegram did not hand over the file. Send it again."
    expect(textOf(reply)).toContain('تلگرام فایل را تحویل نداد');
    const [after] = await h.app.database.sql`select count(*)::int as n from contributions`;
    expect(after.n).toBe(before.n);
  });
});
