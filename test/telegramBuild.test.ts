import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackUpdate, type FakeUser, messageUpdate } from './fakeTelegram/buildUpdates.ts';
import { startTelegramHarness, type TelegramHarness } from './fakeTelegram/startTelegramHarness.ts';
import { fixtureContributions } from './support/attribution/attributionFixture.ts';
import { fundedPerson, TOKEN } from './support/fixtures.ts';
import { type SeededDatanet, seedApprovedDatanet } from './support/seedApprovedDatanet.ts';

// Who may create, train and publish is the community's rule on the account (its roles), decided
// by the use cases: Telegram only passes the sender's account, as Discord and MCP do.
const builder: FakeUser = { id: 8201, first_name: 'Builder' };
const outsider: FakeUser = { id: 8202, first_name: 'Outsider' };

let h: TelegramHarness;
let seeded: SeededDatanet;
let builderAccount: string;
const textOf = (c: { payload: Record<string, unknown> }) => String(c.payload.text);
const buttonsOf = (c: { payload: Record<string, unknown> }) =>
  (
    (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  ).flat();

async function telegramAccount(user: FakeUser, roles: string[]) {
  const { accountId } = await h.app.accounts.resolveIdentity({ identity: `telegram:${user.id}` });
  await h.app.ledger.requestFaucet({ accountId, idempotencyKey: 'seed' });
  // Roles as a linked Discord membership records them.
  if (roles.length) await h.app.accounts.syncRoles({ accountId, source: `discord:1:${user.id}`, roles });
  return accountId;
}

beforeAll(async () => {
  h = await startTelegramHarness({
    env: { ROLE_PERMISSIONS: 'datanet.create=Curators; train=Developers; model.publish=Developers' },
  });
  builderAccount = await telegramAccount(builder, ['Curators', 'Developers']);
  await telegramAccount(outsider, []);
  const curator = await fundedPerson(h.app, 'curator');
  await h.app.accounts.syncRoles({ accountId: curator, source: 'discord:1:curator', roles: ['curators'] });
  const texts = fixtureContributions.map((c) => c.text);
  seeded = await seedApprovedDatanet(h.app, {
    name: 'Telegram Verse',
    texts,
    authors: texts.map((_, i) => i % 2),
    authorCount: 2,
    owner: curator,
  });
}, 120_000);
afterAll(async () => h?.close());

describe('building from Telegram: datanets, training, publishing', () => {
  it('creates a datanet for a permitted account and refuses others', async () => {
    const refused = await h.send(messageUpdate(outsider, '/newdatanet Outsider Lab'));
    expect(textOf(refused)).toContain('Creating datanets is limited to the role Curators');
    await expect(h.app.datanets.get({ datanet: 'Outsider Lab' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const created = await h.send(messageUpdate(builder, '/newdatanet Ghazal Lab\nLove poems, one per item'));
    expect(textOf(created)).toMatch(/Created datanet .*Ghazal Lab.* \(#\d+\)/);
    const d = await h.app.datanets.get({ datanet: 'Ghazal Lab' });
    expect(d.description).toBe('Love poems, one per item');
    expect(d.ownerAccountId).toBe(builderAccount);
  });

  it('trains once per update, with a refresh button that follows the run', async () => {
    const refused = await h.send(messageUpdate(outsider, '/train Telegram Verse'));
    expect(textOf(refused)).toContain('Starting training runs is limited to the role Developers');

    const update = messageUpdate(builder, '/train Telegram Verse');
    const started = await h.send(update);
    expect(textOf(started)).toMatch(/Training run #\d+ on .*Telegram Verse/);
    // A redelivery of the same update (a poller restart) starts nothing more.
    await h.fake.push(update);
    // Updates in one chat run in order: once /help is answered, the redelivery has been handled.
    await h.send(messageUpdate(builder, '/help'));
    const runs = await h.app.training.list({ datanetId: seeded.datanetId });
    expect(runs).toHaveLength(1);
    const run = runs[0];
    expect(run.developerAccountId).toBe(builderAccount);
    const refresh = buttonsOf(started).find((b) => b.callback_data === `tr:${run.id}`);
    expect(refresh).toBeDefined();

    for await (const r of h.app.training.watch({ runId: run.id, intervalMs: 20 })) {
      if (r.status === 'failed') throw new Error(`training failed: ${r.error}`);
    }
    const messageId = (started.result as { message_id: number }).message_id;
    const refreshed = await h.send(
      callbackUpdate(outsider, `tr:${run.id}`, { chatId: builder.id, messageId }),
    );
    expect(refreshed.method).toBe('editMessageText');
    expect(textOf(refreshed)).toContain('finished');
    expect(textOf(refreshed)).toContain(`/publish ${run.id} PRICE SPLIT NAME`);
    expect(buttonsOf(refreshed)).toEqual([]);
  });

  it('publishes a finished run for a permitted account, with the price and split given', async () => {
    const [run] = await h.app.training.list({ datanetId: seeded.datanetId });
    const refused = await h.send(
      messageUpdate(outsider, `/publish ${run.id} 0.5 40/40/10/10 Outsider Weaver`),
    );
    expect(textOf(refused)).toContain('Publishing models is limited to the role Developers');
    const badSplit = await h.send(messageUpdate(builder, `/publish ${run.id} 0.5 40-40-10-10 Weaver`));
    expect(textOf(badSplit)).toContain('split: give four percentages');

    const published = await h.send(
      messageUpdate(builder, `/publish ${run.id} 0.5 40/40/10/10 Telegram Weaver`),
    );
    expect(textOf(published)).toMatch(/Published .*Telegram Weaver.* \(#\d+\): 0\.5 POT per call/);
    const model = await h.app.models.get({ model: 'Telegram Weaver' });
    expect(model.pricePerCall).toBe(TOKEN / 2n);
    expect(model.split).toEqual({
      developerBps: 4000,
      dataBps: 4000,
      validatorsBps: 1000,
      protocolBps: 1000,
    });
    await expect(h.app.models.get({ model: 'Outsider Weaver' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
