import { createDiscordBot, type DiscordBot } from '../../bots/discord/createDiscordBot.ts';
import { registerCommands } from '../../bots/discord/registerCommands.ts';
import { createTestApp, type TestApp } from '../support/createTestApp.ts';
import { FakeDiscord } from './createFakeDiscord.ts';
import type { FakeChannel } from './payloads.ts';

export interface DiscordHarness {
  fake: FakeDiscord;
  t: TestApp;
  bot: DiscordBot;
  reviewChannel: FakeChannel;
  close(): Promise<void>;
}

/**
 * The real bot on a real app (PGlite, or PostgreSQL with TEST_DATABASE_URL), talking to the fake
 * Discord: commands registered through REST, the client logged in through the gateway.
 */
export async function startDiscordHarness(
  env: Record<string, string> = {},
  /** Adds people, roles and channels before the bot connects; may return more environment. */
  setup: (fake: FakeDiscord) => Record<string, string> | undefined = () => undefined,
): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start();
  const reviewChannel = fake.addChannel('review');
  const more = setup(fake);
  const t = await createTestApp({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_REVIEW_CHANNEL_ID: reviewChannel.id,
    DISCORD_REVIEW_POLL_MS: '200',
    DISCORD_PROGRESS_MS: '100',
    ...env,
    ...more,
  });
  await registerCommands(t.app.config);
  const bot = createDiscordBot(t.app, t.app.config);
  await bot.start();
  return {
    fake,
    t,
    bot,
    reviewChannel,
    async close() {
      await bot.stop();
      await fake.close();
      await t.cleanup();
    },
  };
}
