import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { AccountEvent } from '../../src/notifications/listAccountEvents.ts';
import type { Logger } from '../../src/shared/createLogger.ts';
import { pickLanguage, type Translator, translator } from '../i18n/translator.ts';

/**
 * Events older than the cursor by this much are still listed: a decision stamped before the last
 * pass may commit after it. The delivery records (kept this long) stop them being told twice.
 */
export const EVENT_OVERLAP_MS = 10 * 60_000;

const PAGE = 200;

export interface EventSubscription {
  /** The person on this surface: a Telegram user id, a Discord user id. */
  subscriberId: string;
  cursorAt: Date;
  /** When the person turned notifications on: nothing before it is told. */
  sinceAt: Date;
}

/** A bot's own tables for activity notifications (each bot keeps the SQL in its store). */
export interface EventSubscriptionStore {
  /** Opted-in people with ids after `after` (null: from the start), in id order: a pass pages through all. */
  listEnabled(after: string | null, limit: number): Promise<EventSubscription[]>;
  /** Those of `keys` already told to this person. */
  delivered(subscriberId: string, keys: string[]): Promise<Set<string>>;
  /**
   * In one transaction: records `events` as told and takes a message under the rate limit. Returns
   * the keys this caller recorded (it may send them); none when the limit is reached or another
   * instance recorded them first.
   */
  claim(
    subscriberId: string,
    events: { key: string; at: Date }[],
    now: Date,
    limit: { maxMessages: number; windowSeconds: number },
  ): Promise<Set<string>>;
  /** A send failed for a passing reason: forget these, so the next pass tells them. */
  release(subscriberId: string, keys: string[]): Promise<void>;
  /** Moves the cursor (never back) and forgets deliveries of events before `forgetBefore`. */
  advance(subscriberId: string, cursorAt: Date, forgetBefore: Date): Promise<void>;
  /** The person blocked the bot or closed their DMs: stop trying. */
  disable(subscriberId: string): Promise<void>;
}

export interface EventPassOptions {
  app: App;
  config: Config;
  log: Logger;
  store: EventSubscriptionStore;
  /** `telegram:<id>`, `discord:<id>`: whose account the person's events are. */
  identityOf(subscriberId: string): string;
  /** Sends one message with `events`; 'gone' when the person can no longer be reached. Throws when it may work later. */
  deliver(subscriberId: string, events: AccountEvent[], tr: Translator): Promise<'sent' | 'gone'>;
  now: () => Date;
}

/**
 * One pass over everyone who opted in: each gets at most one message, batching every event not yet
 * told, within the rate limit (a person over it waits; their events stay untold, not dropped).
 * Returns how many messages went out.
 */
export async function runEventPass(o: EventPassOptions): Promise<number> {
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const page = await o.store.listEnabled(after, PAGE);
    for (const sub of page) {
      try {
        if (await notifyOne(o, sub)) sent += 1;
      } catch (error) {
        o.log.error('activity notification failed', { subscriberId: sub.subscriberId, error });
      }
    }
    if (page.length < PAGE) return sent;
    after = page[page.length - 1].subscriberId;
  }
}

async function notifyOne(o: EventPassOptions, sub: EventSubscription): Promise<boolean> {
  const now = o.now();
  const identity = o.identityOf(sub.subscriberId);
  const { accountId } = await o.app.accounts.resolveIdentity({ identity });
  const since = new Date(Math.max(sub.cursorAt.getTime() - EVENT_OVERLAP_MS, sub.sinceAt.getTime()));
  const listed = await o.app.notifications.listAccountEvents({ accountId, since, limit: 100 });
  const told = await o.store.delivered(
    sub.subscriberId,
    listed.map((e) => e.key),
  );
  const fresh = listed.filter((e) => !told.has(e.key));
  if (fresh.length === 0) {
    await advance(o, sub, now.getTime());
    return false;
  }
  const limit = o.config.notifications;
  const claimed = await o.store.claim(sub.subscriberId, fresh, now, limit);
  const mine = fresh.filter((e) => claimed.has(e.key));
  if (mine.length === 0) return false;
  const language = await o.app.accounts.getLanguage({ identity });
  const tr = translator(pickLanguage(language, null));
  let outcome: 'sent' | 'gone';
  try {
    outcome = await o.deliver(sub.subscriberId, mine, tr);
  } catch (error) {
    await o.store.release(sub.subscriberId, [...claimed]);
    throw error;
  }
  if (outcome === 'gone') {
    await o.store.disable(sub.subscriberId);
    return false;
  }
  // The cursor stays at the oldest event still untold (one waiting on the rate limit is not skipped).
  const rest = fresh.filter((e) => !claimed.has(e.key));
  await advance(o, sub, Math.min(now.getTime(), rest[0]?.at.getTime() ?? Number.POSITIVE_INFINITY));
  return true;
}

async function advance(o: EventPassOptions, sub: EventSubscription, toMs: number): Promise<void> {
  if (toMs <= sub.cursorAt.getTime()) return;
  // Deliveries of events the next listing can no longer return are not needed to stop a repeat.
  await o.store.advance(sub.subscriberId, new Date(toMs), new Date(toMs - EVENT_OVERLAP_MS));
}
