import type { Sql } from '../../../src/db/openDatabase.ts';
import type { EventSubscriptionStore } from '../../shared/eventNotifier.ts';
import { eventSubscriptionTables } from '../../shared/eventSubscriptionTables.ts';

/**
 * Activity notifications by DM (/notifications): who opted in, their cursor and rate window, and
 * what each has been told. The notifier pass's queries are written once for both bots (the same
 * shape on each bot's own tables) in bots/shared/eventSubscriptionTables.ts; the rest are here.
 */

export async function getEventSubscription(
  sql: Sql,
  discordUserId: string,
): Promise<{ enabled: boolean } | null> {
  const [row] = await sql<{ enabled: boolean }[]>`
    select enabled from discord_event_subscriptions where discord_user_id = ${discordUserId}`;
  return row ?? null;
}

/** Turning on starts the cursor now (nothing from before is replayed); turning on again keeps it. */
export async function setEventSubscription(
  sql: Sql,
  input: { discordUserId: string; enabled: boolean; now: Date },
): Promise<void> {
  await sql`
    insert into discord_event_subscriptions (discord_user_id, enabled, cursor_at, since_at)
    values (${input.discordUserId}, ${input.enabled}, ${input.now}, ${input.now})
    on conflict (discord_user_id) do update set
      enabled = excluded.enabled, updated_at = now(),
      cursor_at = case when discord_event_subscriptions.enabled and excluded.enabled
        then discord_event_subscriptions.cursor_at else excluded.cursor_at end,
      since_at = case when discord_event_subscriptions.enabled and excluded.enabled
        then discord_event_subscriptions.since_at else excluded.since_at end`;
}

/** The activity notifications' subscriptions and deliveries, for bots/shared/eventNotifier. */
export function discordEventStore(sql: Sql): EventSubscriptionStore {
  return eventSubscriptionTables(sql, {
    subscriptions: 'discord_event_subscriptions',
    deliveries: 'discord_event_deliveries',
    subscriber: 'discord_user_id',
  });
}
