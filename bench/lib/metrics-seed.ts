// Seeds the metrics benchmark: the published posts exist on the fakes (written straight into their
// state, so each fake knows its remote ids and answers their counts), and one measured_posts row per
// post in SQL, its first snapshot (+15 min) due at an instant spread evenly over the window.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { workspaces } from '@plume/db/schema/workspaces';
import type { Agency, AgencyAccount } from './agency-fakes.ts';
import { seedAccounts } from './publish-seed.ts';

export type SeededPosts = { workspaceId: string; accountIds: string[]; remoteIds: string[] };

/** Puts post `index` on the account's fake and returns its remote id (status id, AT URI or post id). */
function putOnFake(agency: Agency, account: AgencyAccount, index: number, createdAt: Date): string {
  const text = `Measured post ${index}`;
  const counts = { likes: index % 50, reposts: index % 7, replies: index % 5, quotes: index % 3 };
  if (account.network === 'mastodon') {
    const fake = agency.mastodon.find((candidate) => candidate.server === account.server);
    if (fake === undefined) throw new Error('no Mastodon fake for the account');
    const id = String(110_000_000_000_000_000n + BigInt(index));
    fake.state.statuses.set(id, {
      id,
      text,
      mediaIds: [],
      inReplyToId: null,
      visibility: 'public',
      spoilerText: '',
      language: null,
      sensitive: false,
      idempotencyKey: undefined,
      createdAt,
      counts: { favourites: counts.likes, reblogs: counts.reposts, replies: counts.replies, quotes: counts.quotes },
    });
    return id;
  }
  if (account.network === 'bluesky') {
    const rkey = `bench${index}`;
    const uri = `at://${account.metadata['did'] ?? ''}/app.bsky.feed.post/${rkey}`;
    const value = { $type: 'app.bsky.feed.post', text, createdAt: createdAt.toISOString() };
    agency.bluesky.state.records.set(uri, { uri, cid: `bafy${rkey}`, collection: 'app.bsky.feed.post', rkey, value });
    agency.bluesky.state.appView.counts.set(uri, {
      likeCount: counts.likes,
      repostCount: counts.reposts,
      replyCount: counts.replies,
      quoteCount: counts.quotes,
    });
    return uri;
  }
  const id = String(1_800_000_000_000_000_000n + BigInt(index));
  agency.x.state.posts.set(id, {
    id,
    authorId: agency.x.state.user.id,
    text,
    mediaIds: [],
    replyTo: undefined,
    madeWithAi: false,
    replySettings: undefined,
    createdAt: createdAt.toISOString(),
    publicMetrics: {
      impression_count: counts.likes * 40,
      like_count: counts.likes,
      retweet_count: counts.reposts,
      reply_count: counts.replies,
      quote_count: counts.quotes,
      bookmark_count: 0,
    },
  });
  return id;
}

/**
 * `targets` posts dealt round-robin over the accounts; post i's first snapshot is due at
 * `windowStart + i/targets × windowMs` (so published 15 min before that).
 */
export async function seedMeasuredPosts(
  db: Database,
  input: {
    agency: Agency;
    secretKey: string;
    accounts: readonly AgencyAccount[];
    targets: number;
    windowStart: Date;
    windowMs: number;
  },
): Promise<SeededPosts> {
  const userId = randomUUID();
  await db
    .insert(users)
    .values({ id: userId, name: 'Bench Owner', email: `bench-${userId}@example.test`, emailVerified: true });
  const workspaceId = randomUUID();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Metrics bench', slug: `bench-${workspaceId}` });
  const accountIds = await seedAccounts(db, { secretKey: input.secretKey, accounts: input.accounts, workspaceId });
  const firstOffsetMs = (SNAPSHOT_OFFSETS_MIN[0] ?? 15) * 60_000;
  const remoteIds: string[] = [];
  const chunk = 2000;
  for (let start = 0; start < input.targets; start += chunk) {
    const rows: { account_id: string; network: string; remote_id: string; due: string }[] = [];
    for (let index = start; index < Math.min(input.targets, start + chunk); index += 1) {
      const slot = index % input.accounts.length;
      const account = input.accounts[slot];
      if (account === undefined) continue;
      const due = new Date(input.windowStart.getTime() + Math.floor((index / input.targets) * input.windowMs));
      const remoteId = putOnFake(input.agency, account, index, new Date(due.getTime() - firstOffsetMs));
      remoteIds.push(remoteId);
      rows.push({
        account_id: accountIds[slot] ?? '',
        network: account.network,
        remote_id: remoteId,
        due: due.toISOString(),
      });
    }
    await db.execute(sql`
      INSERT INTO measured_posts (workspace_id, account_id, network, remote_id, source, published_at, text, char_count,
        next_snapshot_at, next_offset_index)
      SELECT ${workspaceId}, r.account_id::uuid, r.network, r.remote_id, 'plume',
        r.due::timestamptz - make_interval(mins => ${SNAPSHOT_OFFSETS_MIN[0] ?? 15}), 'Measured post', 13, r.due::timestamptz, 0
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(account_id text, network text, remote_id text, due text)`);
  }
  return { workspaceId, accountIds, remoteIds };
}
