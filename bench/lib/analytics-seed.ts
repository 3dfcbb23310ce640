// Seeds the analytics benchmark in SQL (generate_series, no row through the app): an agency of
// `workspaces` workspaces, each with its accounts on several networks, their posts over `days` days
// with skewed results, 8 scheduled snapshots per post and a daily follower reading per account.
// The posts are written in publishing order across all workspaces, as they arrive in production, so a
// workspace's rows are spread over the whole table rather than packed together.
import type pg from 'pg';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';

export type AnalyticsSeedSettings = {
  /** Workspaces in all, the measured one included. */
  workspaces: number;
  /** Accounts of the measured workspace (the others have 5–30). */
  measuredAccounts: number;
  days: number;
  /** Snapshot rows to aim for: post snapshots (8 a post) + daily account snapshots. */
  snapshots: number;
  /** Posting rate of the measured workspace's accounts ÷ the agency's average. */
  measuredWeight: number;
};

export type SeedCounts = {
  workspaces: number;
  accounts: number;
  measuredPosts: number;
  postSnapshots: number;
  accountSnapshots: number;
  measuredWorkspacePosts: number;
  seedMs: number;
};

/** The measured workspace's networks, one account after another (6 Mastodon, 4 Bluesky, 4 X, 3 LinkedIn, 3 Facebook for 20). */
const MEASURED_NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook', 'mastodon', 'bluesky', 'x', 'mastodon'];
const OTHER_NETWORKS = ['mastodon', 'bluesky', 'x', 'linkedin', 'facebook', 'threads', 'instagram'];
/** Networks that give impressions: their engagement rate divides by them, the others' by followers. */
const WITH_IMPRESSIONS = ['x', 'linkedin', 'facebook', 'instagram', 'threads'];
/** The share of a post's final result reached at each scheduled offset. */
const SHARE_AT_OFFSET = [0.22, 0.45, 0.7, 0.84, 0.92, 0.97, 0.99, 1];

const WORDS =
  'launch team week product update customers thank you today new release read more our story behind the scenes ' +
  'tips how to save time plan your posts spring summer autumn winter sale event join us live webinar guide ' +
  'community feedback roadmap feature welcome hiring growth data insight report results weekend morning coffee';

async function dropSecondaryIndexes(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.tablename = $1 AND NOT EXISTS (
       SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))`,
    [table],
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

async function seedWorkspacesAndAccounts(
  client: pg.Client,
  measuredWorkspaceId: string,
  s: AnalyticsSeedSettings,
): Promise<void> {
  await client.query(
    `INSERT INTO workspaces (id, name, slug, kind, timezone)
     SELECT 'bench-ws-' || g, 'Client ' || g, 'bench-client-' || g, 'brand',
            (ARRAY['Europe/Berlin', 'America/New_York', 'Europe/London', 'Asia/Tokyo'])[1 + g % 4]
     FROM generate_series(2, $1::int) AS g`,
    [s.workspaces],
  );
  // Each account's posting rate (relative) and result level (log scale): a few accounts carry most results.
  await client.query(`CREATE TEMP TABLE bench_accounts (id uuid, workspace_id text, network text, rate float8,
    level float8, followers float8)`);
  await client.query(
    `WITH spec AS (
       SELECT $1::text AS workspace_id, n, ($2::text[])[1 + (n - 1) % cardinality($2::text[])] AS network, $4::float8 AS weight
       FROM generate_series(1, $5::int) AS n
       UNION ALL
       SELECT 'bench-ws-' || w, n, ($3::text[])[1 + (w * 3 + n) % cardinality($3::text[])], 1.0
       FROM generate_series(2, $6::int) AS w, generate_series(1, 5 + (w * 7) % 26) AS n),
     inserted AS (
       INSERT INTO social_accounts (workspace_id, network, external_id, handle, display_name, kind, tokens_ciphertext)
       SELECT workspace_id, network, 'bench-' || workspace_id || '-' || n, '@account' || n || '_' || network,
              'Account ' || n, 'profile', 'unused'
       FROM spec
       RETURNING id, workspace_id, network, external_id)
     INSERT INTO bench_accounts
     SELECT i.id, i.workspace_id, i.network, spec.weight * (0.25 + 1.75 * random() ^ 2),
            ln(4) + 2.5 * random(), exp(ln(200) + 4 * random())
     FROM inserted i JOIN spec ON 'bench-' || spec.workspace_id || '-' || spec.n = i.external_id`,
    [measuredWorkspaceId, MEASURED_NETWORKS, OTHER_NETWORKS, s.measuredWeight, s.measuredAccounts, s.workspaces],
  );
}

async function seedAccountSnapshots(client: pg.Client, days: number): Promise<void> {
  await client.query(
    `INSERT INTO account_metric_snapshots (account_id, workspace_id, taken_at, followers, following, posts)
     SELECT a.id, a.workspace_id,
            date_trunc('day', now()) - make_interval(days => d) + make_interval(mins => 180 + (hashtext(a.id::text) & 255)),
            round(a.followers * (1 + 0.002 * ($1::int - d)) + 5 * random()), 300 + (hashtext(a.id::text) & 511), 2000 - d
     FROM bench_accounts a, generate_series(1, $1::int) AS d
     ORDER BY 3`,
    [days],
  );
}

/** Posts of every account, their count in proportion to its rate, written in publishing order. */
async function seedPosts(client: pg.Client, posts: number, days: number): Promise<void> {
  const offsets = [...SNAPSHOT_OFFSETS_MIN];
  await client.query(
    `WITH share AS (SELECT a.*, round($1::float8 * a.rate / sum(a.rate) OVER ())::int AS posts FROM bench_accounts a),
     drawn AS (
       SELECT a.id AS account_id, a.workspace_id, a.network, a.level, a.followers, g,
              date_trunc('day', now()) - make_interval(days => floor(random() * $2::int)::int)
                + make_interval(mins => (360 + floor(900 * random() ^ 1.4) + 120 * random())::int) AS published_at,
              exp(a.level + 1.1 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS result,
              random() AS r_media, random() AS r_link, random() AS r_thread, random() AS r_tags,
              20 + floor(460 * random() ^ 1.8)::int AS body_length, floor(random() * 600)::int AS body_start
       FROM share a, generate_series(1, a.posts) AS g),
     shaped AS (
       SELECT d.*, CASE WHEN d.published_at > now() - interval '5 minutes' THEN d.published_at - interval '1 day'
                   ELSE d.published_at END AS at,
              CASE WHEN d.r_tags < 0.5 THEN 0 WHEN d.r_tags < 0.8 THEN 1 WHEN d.r_tags < 0.95 THEN 2 ELSE 3 END AS tags,
              floor(d.result * 0.7)::int AS likes, floor(d.result * 0.18)::int AS reposts,
              floor(d.result * 0.12)::int AS replies
       FROM drawn d),
     written AS (
       SELECT s.*, substr(repeat($3::text || ' ', 8), 1 + s.body_start, s.body_length)
                || CASE WHEN s.r_link < 0.3 THEN ' https://example.com/p/' || s.g ELSE '' END
                || coalesce((SELECT string_agg(' #tag' || floor(300 * random() ^ 3)::int, '')
                             FROM generate_series(1, s.tags)), '') AS text
       FROM shaped s)
     INSERT INTO measured_posts (workspace_id, account_id, network, remote_id, source, published_at, text, char_count,
       hashtag_count, has_media, has_link, is_thread, last_measured_at, impressions, likes, reposts, replies,
       engagements, engagement_rate, next_snapshot_at, next_offset_index)
     SELECT w.workspace_id, w.account_id, w.network, 'r' || w.g, CASE WHEN w.g % 5 = 0 THEN 'backfill' ELSE 'plume' END,
            w.at, w.text, char_length(w.text), w.tags, w.r_media < 0.4, w.r_link < 0.3, w.r_thread < 0.05,
            least(now(), w.at + interval '30 days'), imp.impressions, w.likes, w.reposts, w.replies,
            w.likes + w.reposts + w.replies,
            (w.likes + w.reposts + w.replies)::float8 / coalesce(imp.impressions, w.followers),
            next.at, next.idx
     FROM written w
     CROSS JOIN LATERAL (SELECT CASE WHEN w.network = ANY($4::text[])
                           THEN greatest(1, round(w.result * 35 * exp(0.4 * random())))::bigint END AS impressions) imp
     LEFT JOIN LATERAL (SELECT w.at + make_interval(mins => o.off) AS at, (o.idx - 1)::smallint AS idx
                        FROM unnest($5::int[]) WITH ORDINALITY AS o(off, idx)
                        WHERE w.at + make_interval(mins => o.off) > now() ORDER BY o.idx LIMIT 1) next ON true
     ORDER BY w.at`,
    [posts, days, WORDS, WITH_IMPRESSIONS, offsets],
  );
}

/** Every scheduled snapshot already due, each a share of the post's final result. */
async function seedPostSnapshots(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO post_metric_snapshots (measured_post_id, workspace_id, due_at, offset_min, taken_at, impressions,
       likes, reposts, replies, engagements)
     SELECT mp.id, mp.workspace_id, mp.published_at + make_interval(mins => o.off), o.off,
            mp.published_at + make_interval(mins => o.off, secs => 5 + (o.off % 40)),
            floor(mp.impressions * o.share)::bigint, floor(mp.likes * o.share)::int, floor(mp.reposts * o.share)::int,
            floor(mp.replies * o.share)::int,
            floor(mp.likes * o.share)::int + floor(mp.reposts * o.share)::int + floor(mp.replies * o.share)::int
     FROM measured_posts mp
     CROSS JOIN unnest($1::int[], $2::float8[]) AS o(off, share)
     WHERE mp.published_at + make_interval(mins => o.off) <= now()`,
    [[...SNAPSHOT_OFFSETS_MIN], SHARE_AT_OFFSET],
  );
}

async function count(client: pg.Client, query: string, values: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(query, values);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Seeds the agency around `measuredWorkspaceId` (already created through the API, with its owner).
 * Secondary indexes are dropped during the load and rebuilt from their migrated definitions after it,
 * foreign keys are not checked row by row (session_replication_role): the data is consistent by
 * construction. Then VACUUM ANALYZE, as autovacuum leaves a long-lived database, and the collector's
 * latest rewrites on top.
 */
export async function seedAnalytics(
  client: pg.Client,
  measuredWorkspaceId: string,
  s: AnalyticsSeedSettings,
  log: (message: string) => void,
): Promise<SeedCounts> {
  const started = performance.now();
  await client.query(`SET session_replication_role = replica`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  await seedWorkspacesAndAccounts(client, measuredWorkspaceId, s);
  const accounts = await count(client, 'SELECT count(*) AS n FROM bench_accounts');
  const accountSnapshots = accounts * s.days;
  // Posts younger than 30 days miss their later offsets: ≈ 7.6 snapshots a post over 400 days.
  const perPost = SNAPSHOT_OFFSETS_MIN.length - (30 / s.days) * 1.6;
  const posts = Math.max(1, Math.round((s.snapshots - accountSnapshots) / perPost));
  log(`${accounts} accounts in ${s.workspaces} workspaces; ${accountSnapshots} account snapshots…`);
  await seedAccountSnapshots(client, s.days);
  const postIndexes = await dropSecondaryIndexes(client, 'measured_posts');
  const snapshotIndexes = await dropSecondaryIndexes(client, 'post_metric_snapshots');
  log(`${posts} measured posts…`);
  await seedPosts(client, posts, s.days);
  log('post snapshots…');
  await seedPostSnapshots(client);
  log('rebuilding indexes, VACUUM ANALYZE…');
  for (const definition of [...postIndexes, ...snapshotIndexes]) await client.query(definition);
  await client.query(`SET session_replication_role = origin`);
  for (const table of ['measured_posts', 'post_metric_snapshots', 'account_metric_snapshots', 'social_accounts'])
    await client.query(`VACUUM (ANALYZE) ${table}`);
  // The collector rewrites a post at each reading (15 min … 30 days after publishing); autovacuum makes
  // their pages all-visible again once 1 % of the table changed (migration 0012). Between two runs: the
  // last day's posts and those turning 3, 7 and 30 days old, rewritten and not yet vacuumed, so an
  // index-only scan still visits the heap for them.
  await client.query(`UPDATE measured_posts SET engagements = engagements, last_measured_at = last_measured_at
    WHERE published_at > now() - interval '1 day'
       OR published_at BETWEEN now() - interval '3 days 12 hours' AND now() - interval '3 days'
       OR published_at BETWEEN now() - interval '7 days 12 hours' AND now() - interval '7 days'
       OR published_at BETWEEN now() - interval '30 days 12 hours' AND now() - interval '30 days'`);
  return {
    workspaces: await count(client, 'SELECT count(*) AS n FROM workspaces'),
    accounts,
    measuredPosts: await count(client, 'SELECT count(*) AS n FROM measured_posts'),
    postSnapshots: await count(client, 'SELECT count(*) AS n FROM post_metric_snapshots'),
    accountSnapshots: await count(client, 'SELECT count(*) AS n FROM account_metric_snapshots'),
    measuredWorkspacePosts: await count(client, 'SELECT count(*) AS n FROM measured_posts WHERE workspace_id = $1', [
      measuredWorkspaceId,
    ]),
    seedMs: performance.now() - started,
  };
}
