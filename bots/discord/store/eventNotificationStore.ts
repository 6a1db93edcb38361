import type { Sql } from '../../../src/db/openDatabase.ts';
import type { EventSubscriptionStore } from '../../shared/eventNotifier.ts';

/**
 * Activity notifications by DM (/notifications): who opted in, their cursor and rate window, and
 * what each has been told. Every query on discord_event_* lives here.
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
  return {
    async listEnabled(after, limit) {
      const rows = await sql<{ discord_user_id: string; cursor_at: Date; since_at: Date }[]>`
        select discord_user_id, cursor_at, since_at from discord_event_subscriptions
        where enabled and (${after}::text is null or discord_user_id > ${after}::text)
        order by discord_user_id limit ${limit}`;
      return rows.map((r) => ({
        subscriberId: r.discord_user_id,
        cursorAt: r.cursor_at,
        sinceAt: r.since_at,
      }));
    },
    async delivered(subscriberId, keys) {
      if (keys.length === 0) return new Set();
      const rows = await sql<{ event_key: string }[]>`
        select event_key from discord_event_deliveries
        where discord_user_id = ${subscriberId} and event_key in ${sql(keys)}`;
      return new Set(rows.map((r) => r.event_key));
    },
    async claim(subscriberId, events, now, limit) {
      const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
      return sql
        .begin(async (tx) => {
          const fresh = await tx<{ event_key: string }[]>`
            insert into discord_event_deliveries ${tx(
              events.map((e) => ({ discord_user_id: subscriberId, event_key: e.key, event_at: e.at })),
            )} on conflict do nothing returning event_key`;
          if (fresh.length === 0) return new Set<string>();
          const slot = await tx`
            update discord_event_subscriptions set
              window_count = case when window_started_at is null or window_started_at <= ${windowStart}
                then 1 else window_count + 1 end,
              window_started_at = case when window_started_at is null or window_started_at <= ${windowStart}
                then ${now} else window_started_at end
            where discord_user_id = ${subscriberId} and enabled
              and (window_started_at is null or window_started_at <= ${windowStart}
                or window_count < ${limit.maxMessages})
            returning 1`;
          if (slot.length === 0) throw RATE_LIMITED;
          return new Set(fresh.map((r) => r.event_key));
        })
        .catch((error) => {
          if (error === RATE_LIMITED) return new Set<string>();
          throw error;
        });
    },
    async release(subscriberId, keys) {
      if (keys.length === 0) return;
      await sql`
        delete from discord_event_deliveries
        where discord_user_id = ${subscriberId} and event_key in ${sql(keys)}`;
    },
    async advance(subscriberId, cursorAt, forgetBefore) {
      await sql.begin(async (tx) => {
        await tx`
          update discord_event_subscriptions set cursor_at = greatest(cursor_at, ${cursorAt})
          where discord_user_id = ${subscriberId}`;
        await tx`
          delete from discord_event_deliveries
          where discord_user_id = ${subscriberId} and event_at < ${forgetBefore}`;
      });
    },
    async disable(subscriberId) {
      await sql`
        update discord_event_subscriptions set enabled = false, updated_at = now()
        where discord_user_id = ${subscriberId}`;
    },
  };
}

/** Rolls back a claim's delivery records when the rate limit leaves no message to send them in. */
const RATE_LIMITED = new Error('rate limited');
