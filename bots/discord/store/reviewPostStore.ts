import { contributionsTable } from '../../../src/contributions/contributionStore.ts';
import { datanetsTable } from '../../../src/datanets/datanetStore.ts';
import type { Sql } from '../../../src/db/openDatabase.ts';
import { validationOutcomesTable } from '../../../src/validation/validationStore.ts';

export interface ClaimedPost {
  contributionId: string;
  datanetId: string;
  datanetName: string;
}

export interface DecidedPost {
  contributionId: string;
  channelId: string;
  messageId: string;
  status: 'approved' | 'rejected' | 'withdrawn' | 'expired';
  votes: number;
  approveWeight: bigint;
  rejectWeight: bigint;
}

/** Which datanets have a review channel: every one (a default channel), or those named/numbered. */
export type ReviewScope = { all: true } | { all: false; keys: string[] };

// A claim whose post never landed (crash, missing channel) is retried after this long.
const STALE_CLAIM = '2 minutes';

/**
 * Claims pending contributions not yet posted, oldest first. The insert's conflict rule makes a
 * claim exclusive, so several bot processes (shards) can run the feed without double posts.
 */
export async function claimReviewPosts(sql: Sql, scope: ReviewScope, limit: number): Promise<ClaimedPost[]> {
  const inScope = scope.all
    ? sql`true`
    : sql`(d.id::text = any(${scope.keys}) or lower(d.name) = any(${scope.keys}))`;
  const rows = await sql<{ contribution_id: string; datanet_id: string; name: string }[]>`
    with candidates as (
      select c.id from ${contributionsTable(sql)} c join ${datanetsTable(sql)} d on d.id = c.datanet_id
      left join discord_review_posts p on p.contribution_id = c.id
      where c.status = 'pending' and ${inScope}
        and (p.contribution_id is null or (p.message_id is null and p.claimed_at < now() - ${STALE_CLAIM}::interval))
      order by c.id limit ${limit}
    ), claimed as (
      insert into discord_review_posts (contribution_id) select id from candidates
      on conflict (contribution_id) do update set claimed_at = now()
        where discord_review_posts.message_id is null and discord_review_posts.claimed_at < now() - ${STALE_CLAIM}::interval
      returning contribution_id
    )
    select c.id as contribution_id, d.id as datanet_id, d.name
    from claimed k join ${contributionsTable(sql)} c on c.id = k.contribution_id join ${datanetsTable(sql)} d on d.id = c.datanet_id
    order by c.id`;
  return rows.map((r) => ({
    contributionId: r.contribution_id,
    datanetId: r.datanet_id,
    datanetName: r.name,
  }));
}

export async function recordReviewPost(
  sql: Sql,
  post: { contributionId: string; channelId: string; messageId: string },
): Promise<void> {
  await sql`
    update discord_review_posts set channel_id = ${post.channelId}, message_id = ${post.messageId}, posted_at = now()
    where contribution_id = ${post.contributionId}`;
}

/** The contribution a review post is about; null for any other message. */
export async function findReviewPost(
  sql: Sql,
  messageId: string,
): Promise<{ contributionId: string } | null> {
  if (!/^\d{1,25}$/.test(messageId)) return null;
  const [row] = await sql<{ contribution_id: string }[]>`
    select contribution_id from discord_review_posts where message_id = ${messageId}`;
  return row ? { contributionId: row.contribution_id } : null;
}

/** Posts whose contribution was decided (on any surface) and whose message does not show it yet. */
export async function listDecidedPosts(sql: Sql, limit: number): Promise<DecidedPost[]> {
  const rows = await sql<
    {
      contribution_id: string;
      channel_id: string;
      message_id: string;
      status: DecidedPost['status'];
      votes: number | null;
      approve_weight: string | null;
      reject_weight: string | null;
    }[]
  >`
    select p.contribution_id, p.channel_id, p.message_id, c.status, o.votes, o.approve_weight, o.reject_weight
    from discord_review_posts p
    join ${contributionsTable(sql)} c on c.id = p.contribution_id
    left join ${validationOutcomesTable(sql)} o on o.contribution_id = p.contribution_id
    where p.message_id is not null and p.outcome_shown_at is null and c.status <> 'pending'
    order by p.contribution_id limit ${limit}`;
  return rows.map((r) => ({
    contributionId: r.contribution_id,
    channelId: r.channel_id,
    messageId: r.message_id,
    status: r.status,
    votes: r.votes ?? 0,
    approveWeight: BigInt(r.approve_weight ?? 0),
    rejectWeight: BigInt(r.reject_weight ?? 0),
  }));
}

export async function markOutcomeShown(sql: Sql, contributionId: string): Promise<void> {
  await sql`update discord_review_posts set outcome_shown_at = now() where contribution_id = ${contributionId}`;
}
