import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../bots/telegram/render/formatAmount.ts';
import { splitLargestRemainder } from '../src/ledger/splitLargestRemainder.ts';
import { type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import {
  createValidationWorld,
  REWARD_PER_DECISION,
  type ValidationWorld,
} from './fakeTelegram/validationWorld.ts';
import { fundedPerson } from './support/fixtures.ts';

const leila: FakeUser = { id: 6001, first_name: 'Leila' };
const omid: FakeUser = { id: 6002, first_name: 'Omid' };
const broke: FakeUser = { id: 6003, first_name: 'Broke' };
const sara: FakeUser = { id: 6004, first_name: 'Sara' };

let h: TelegramHarness;
let world: ValidationWorld;
let discordValidator: string;
let poet: string;
const textOf = (call: { payload: Record<string, unknown> }) => String(call.payload.text);

beforeAll(async () => {
  h = await startTelegramHarness({ mode: 'polling' });
  discordValidator = await fundedPerson(h.app, 'discord validator');
  world = await createValidationWorld(h.app, [discordValidator, await fundedPerson(h.app, 'v2')]);
  poet = await fundedPerson(h.app, 'poet');
  await world.payOut(poet);
});
afterAll(async () => h?.close());

describe('linking Telegram to a Discord account', () => {
  it('/link CODE joins the Discord account, and /rewards then shows its rewards', async () => {
    const perDecision = splitLargestRemainder(REWARD_PER_DECISION, world.stakes)[0];
    const before = await h.send(messageUpdate(leila, '/rewards'));
    expect(textOf(before)).toContain('Earned in total: 0 POT');

    // Leila's fresh Telegram account (created by /rewards above) has no history: it is merged.
    const { code } = await h.app.accounts.createLinkCode({ accountId: discordValidator });
    const linked = await h.send(messageUpdate(leila, `/link ${code}`));
    expect(textOf(linked)).toContain('Linked.');
    const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${leila.id}` });
    expect(accountId).toBe(discordValidator);

    const after = await h.send(messageUpdate(leila, '/rewards'));
    expect(textOf(after)).toContain(`as validator: ${formatAmount(perDecision).text}`);
    const balance = await h.app.ledger.getBalance({ accountId: discordValidator });
    expect(textOf(after)).toContain(`Available: <b>${formatAmount(balance.available).text}</b>`);

    // The same code again: used up, and the reply says what to do.
    const again = await h.send(messageUpdate(omid, `/link ${code}`));
    expect(textOf(again)).toMatch(/invalid, used or expired\. Ask for a new one/);
  });

  it('redeems a deep link (/start link-CODE) in one tap', async () => {
    const { code } = await h.app.accounts.createLinkCode({ accountId: poet });
    const reply = await h.send(messageUpdate(omid, `/start link-${code}`));
    expect(textOf(reply)).toContain('Linked.');
    expect((await h.app.accounts.resolveIdentity({ identity: `telegram:${omid.id}` })).accountId).toBe(poet);
  });

  it('drops a wallet link waiting for a signature when its account is merged away', async () => {
    // Sara's fresh account starts linking a wallet, then she joins another account with a code.
    const asked = await h.send(messageUpdate(sara, `/wallet 0x${'1'.repeat(40)}`));
    expect(textOf(asked)).toContain('<pre>');
    const { code } = await h.app.accounts.createLinkCode({ accountId: poet });
    expect(textOf(await h.send(messageUpdate(sara, `/link ${code}`)))).toContain('Linked.');
    expect((await h.app.accounts.resolveIdentity({ identity: `telegram:${sara.id}` })).accountId).toBe(poet);
    // The message was signed for the merged account's nonce: there is nothing left to sign for.
    const signed = await h.send(messageUpdate(sara, `/wallet 0x${'ab'.repeat(65)}`));
    expect(textOf(signed)).toContain('There is no wallet link waiting for a signature.');
  });

  it('issues a code for the other direction with /link alone', async () => {
    const reply = await h.send(messageUpdate(broke, '/link'));
    const code = /<code>([^<]+)<\/code>/.exec(textOf(reply))?.[1];
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  });
});

describe('refusals and duplicates', () => {
  it('says why and what to do, escaping what the user typed', async () => {
    const unknown = await h.send(messageUpdate(broke, '/contribute <b>Nope & co\nsome words'));
    expect(textOf(unknown)).toContain('Datanet &lt;b&gt;Nope &amp; co was not found.');
    expect(textOf(unknown)).toContain('/datanets lists the datanets');

    const usage = await h.send(messageUpdate(broke, '/contribute'));
    expect(textOf(usage)).toContain('Send /contribute followed by the datanet name');

    const notify = await h.send(messageUpdate(broke, '/notify sometimes'));
    expect(textOf(notify)).toContain('Use /notify on or /notify off.');

    // No balance for the deposit: refused before anything is written.
    const poor = await h.send(
      messageUpdate(broke, `/contribute ${world.datanetId}\nباد باران شب ماه ستاره دریا کوچه خانه`),
    );
    expect(textOf(poor)).toContain('Not enough balance');
    expect(textOf(poor)).toContain('Your balance is in /rewards.');
    const [row] = await h.app.database.sql`
      select count(*)::int as n from contributions c join identities i on i.account_id = c.contributor_account_id
      where i.identity = ${`telegram:${broke.id}`}`;
    expect(row.n).toBe(0);
  });

  it('processes an update delivered twice (same update_id) once', async () => {
    const replies = () =>
      h.fake.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === broke.id).length;
    const start = replies();
    const update = messageUpdate(broke, '/link');
    // Both copies in one getUpdates batch, as after a restart before the offset was confirmed.
    const from = h.fake.state.calls.length;
    await h.fake.push(update, structuredClone(update), messageUpdate(broke, '/help'));
    // Updates run in order: once /help is answered, both copies were through the bot.
    await h.fake.waitForCall((c) => c.method === 'sendMessage' && textOf(c).includes('What I can do'), from);
    expect(replies() - start).toBe(2);
    const [codes] = await h.app.database.sql`
      select count(*)::int as n from link_codes l join identities i on i.account_id = l.account_id
      where i.identity = ${`telegram:${broke.id}`}`;
    // One from the earlier test, one from the duplicated update.
    expect(codes.n).toBe(2);
  });
});
