import type { Sql } from '../../src/db/openDatabase.ts';
import type { EventSubscriptionStore } from './eventNotifier.ts';

/**
 * The tables a bot keeps for activity notifications (migration 0022): each bot owns its own pair
 * (people on different surfaces have different ids) but their shape is the same, so the queries
 * are written once here and each bot's store hands over its table and column names.
 */
export interface EventSubscriptionTables {
  subscriptions: string;
  deliveries: string;
  /** The subscriber's id column in both tables (telegram_user_id, discord_user_id). */
  subscriber: string;
}

/** Rolls back a claim's delivery records when the rate limit leaves no message to send them in. */
const RATE_LIMITED = new Error('rate limited');

export function eventSubscriptionTables(sql: Sql, t: EventSubscriptionTables): EventSubscriptionStore {
  const subs = sql(t.subscriptions);
  const deliveries = sql(t.deliveries);
  const id = sql(t.subscriber);
  return {
    async listEnabled(after, limit) {
      // Two statements rather than `$1 is null or …`, so the id's type comes from the column.
      const rows = await (after === null
        ? sql<{ subscriber: string; cursor_at: Date; since_at: Date }[]>`
            select ${id}::text as subscriber, cursor_at, since_at from ${subs}
            where enabled order by ${id} limit ${limit}`
        : sql<{ subscriber: string; cursor_at: Date; since_at: Date }[]>`
            select ${id}::text as subscriber, cursor_at, since_at from ${subs}
            where enabled and ${id} > ${after} order by ${id} limit ${limit}`);
      return rows.map((r) => ({ subscriberId: r.subscriber, cursorAt: r.cursor_at, sinceAt: r.since_at }));
    },
    async delivered(subscriberId, keys) {
      if (keys.length === 0) return new Set();
      const rows = await sql<{ event_key: string }[]>`
        select event_key from ${deliveries}
        where ${id} = ${subscriberId} and event_key in ${sql(keys)}`;
      return new Set(rows.map((r) => r.event_key));
    },
    async claim(subscriberId, events, now, limit) {
      const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
      return sql
        .begin(async (tx) => {
          const fresh = await tx<{ event_key: string }[]>`
            insert into ${deliveries} ${tx(
              events.map((e) => ({ [t.subscriber]: subscriberId, event_key: e.key, event_at: e.at })),
            )} on conflict do nothing returning event_key`;
          if (fresh.length === 0) return new Set<string>();
          const slot = await tx`
            update ${subs} set
              window_count = case when window_started_at is null or window_started_at <= ${windowStart}
                then 1 else window_count + 1 end,
              window_started_at = case when window_started_at is null or window_started_at <= ${windowStart}
                then ${now} else window_started_at end
            where ${id} = ${subscriberId} and enabled
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
        delete from ${deliveries} where ${id} = ${subscriberId} and event_key in ${sql(keys)}`;
    },
    async advance(subscriberId, cursorAt, forgetBefore) {
      await sql.begin(async (tx) => {
        await tx`
          update ${subs} set cursor_at = greatest(cursor_at, ${cursorAt}) where ${id} = ${subscriberId}`;
        await tx`
          delete from ${deliveries} where ${id} = ${subscriberId} and event_at < ${forgetBefore}`;
      });
    },
    async disable(subscriberId) {
      await sql`update ${subs} set enabled = false, updated_at = now() where ${id} = ${subscriberId}`;
    },
  };
}
