import { type Client, DiscordAPIError, escapeMarkdown, RESTJSONErrorCodes } from 'discord.js';
import type { App } from '../../../src/app.ts';
import type { Logger } from '../../../src/shared/createLogger.ts';
import { runEventPass } from '../../shared/eventNotifier.ts';
import { startPeriodicPass } from '../../shared/periodicPass.ts';
import { renderEvents } from '../../shared/renderEvents.ts';
import { discordEventStore } from '../store/eventNotificationStore.ts';

export interface EventNotifier {
  /** One pass now; how many DMs went out. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Activity notifications as DMs, from the bot process itself: a DM needs the bot's token and REST
 * client, and the pass is a short query per subscriber, so a queue job would only add a hop. Every
 * NOTIFY_POLL_MS (0: only `tick`). Shards or several bot processes may all run it: the delivery
 * records are claimed in the database, so each event is sent once.
 */
export function startEventNotifier(client: Client, options: { app: App; log: Logger }): EventNotifier {
  const { app, log } = options;

  const pass = () =>
    runEventPass({
      app,
      config: app.config,
      log,
      store: discordEventStore(app.database.sql),
      identityOf: (userId) => `discord:${userId}`,
      now: app.deps.now,
      async deliver(userId, events, tr) {
        const r = renderEvents(events, tr);
        const content = [`**${r.title}**`, ...r.lines.map((l) => escapeMarkdown(l)), `-# ${r.footer}`].join(
          '\n',
        );
        try {
          // POST /users/@me/channels (the DM channel, cached by discord.js), then the message.
          await client.users.send(userId, { content, allowedMentions: { parse: [] } });
          return 'sent';
        } catch (error) {
          const gone =
            error instanceof DiscordAPIError &&
            (error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser ||
              error.code === RESTJSONErrorCodes.UnknownUser);
          if (gone) return 'gone';
          throw error;
        }
      },
    });

  return startPeriodicPass(pass, app.config.notifications.pollMs, (error) =>
    log.error('discord activity notifications failed', { error }),
  );
}
