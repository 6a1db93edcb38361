import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fakeDiscord/createFakeDiscord.ts';

// The fake itself, driven by a bare discord.js client: if these fail, the bot tests cannot be trusted.
let fake: FakeDiscord;
let client: Client;

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 100 });
  fake.addUser('Alice');
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Reaction, Partials.User],
    rest: { api: fake.apiUrl },
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
});
afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('fake Discord', () => {
  it('identifies the client and delivers the guild before clientReady', () => {
    expect(client.user?.id).toBe(fake.botUserId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBe('Potluck Community');
    expect(guild?.channels.cache.get(fake.defaultChannelId)?.isTextBased()).toBe(true);
    const identify = fake.gateway.log.find((l) => l.op === 2)?.d as { intents: number };
    expect(identify.intents).toBe((1 << 0) | (1 << 10));
  });

  it('delivers reactions on uncached messages as partials and records the bot reacting back', async () => {
    const channel = await client.channels.fetch(fake.defaultChannelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    const sent = await channel.send('hello');
    channel.messages.cache.delete(sent.id);
    const stored = fake.state.messages.get(sent.id)!;
    const seen = new Promise<{ partial: boolean; emoji: string | null }>((resolve) =>
      client.once(Events.MessageReactionAdd, (r, u) => {
        if (u.id !== client.user?.id) resolve({ partial: r.message.partial, emoji: r.emoji.name });
      }),
    );
    const alice = [...fake.state.users.values()].find((u) => u.username === 'alice')!;
    fake.react(alice, stored, '✅');
    expect(await seen).toEqual({ partial: true, emoji: '✅' });
    await (await channel.messages.fetch(sent.id)).react('❌');
    expect(stored.reactions.get('❌')).toEqual([fake.botUserId]);
    expect(fake.state.unhandled).toEqual([]);
  });

  it('acknowledges heartbeats, so the client keeps its one session', async () => {
    await fake.waitFor(() => fake.gateway.heartbeats >= 3, 'three heartbeats');
    expect(fake.gateway.connected).toBe(1);
    expect(fake.gateway.log.filter((l) => l.op === 2)).toHaveLength(1);
  });
});
