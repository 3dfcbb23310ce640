/** Seeds for the report and alert tests: a workspace with members, accounts, measured posts and snapshots. */
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { accountMetricSnapshots, measuredPosts, postMetricSnapshots } from '@plume/db/schema/analytics';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { members, workspaces } from '@plume/db/schema/workspaces';

export async function seedWorkspace(
  db: Database,
  id: string,
  timezone: string,
  createdAt = new Date('2026-01-01T00:00:00Z'),
): Promise<void> {
  await db.insert(workspaces).values({ id, name: `Bakery ${id}`, slug: id, timezone, createdAt });
  const roles = ['owner', 'editor', 'viewer'] as const;
  await db
    .insert(users)
    .values(roles.map((role) => ({ id: `${id}-${role}`, name: role, email: `${role}@${id}.test` })));
  await db
    .insert(members)
    .values(roles.map((role) => ({ id: `${id}-m-${role}`, organizationId: id, userId: `${id}-${role}`, role })));
}

export async function seedAccount(
  db: Database,
  workspaceId: string,
  handle: string,
  network = 'mastodon',
): Promise<string> {
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: network as 'mastodon',
      externalId: `ext-${handle}`,
      handle,
      displayName: handle,
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning();
  return account!.id;
}

export type SeedPost = {
  at: string;
  engagements: number | null;
  impressions?: number;
  text?: string;
  likes?: number;
  hasMedia?: boolean;
};

let counter = 0;

export async function seedMeasuredPost(
  db: Database,
  workspaceId: string,
  accountId: string,
  post: SeedPost,
  snapshots: { offsetMin: number; engagements: number; takenAt?: Date }[] = [],
): Promise<string> {
  counter += 1;
  const publishedAt = new Date(post.at);
  const [row] = await db
    .insert(measuredPosts)
    .values({
      workspaceId,
      accountId,
      network: 'mastodon',
      remoteId: `remote-${counter}`,
      remoteUrl: `https://social.example/@bakery/${counter}`,
      source: 'backfill',
      publishedAt,
      text: post.text ?? `Post ${counter}`,
      hasMedia: post.hasMedia ?? false,
      likes: post.likes ?? post.engagements,
      engagements: post.engagements,
      impressions: post.impressions ?? null,
    })
    .returning();
  if (snapshots.length > 0)
    await db.insert(postMetricSnapshots).values(
      snapshots.map((snapshot) => ({
        measuredPostId: row!.id,
        workspaceId,
        offsetMin: snapshot.offsetMin,
        takenAt: snapshot.takenAt ?? new Date(publishedAt.getTime() + snapshot.offsetMin * 60_000),
        likes: snapshot.engagements,
        engagements: snapshot.engagements,
      })),
    );
  return row!.id;
}

export async function seedTarget(
  db: Database,
  workspaceId: string,
  accountId: string,
  input: { state: 'published' | 'failed'; at: string; reason?: string },
): Promise<string> {
  const [post] = await db
    .insert(posts)
    .values({ workspaceId, content: { text: 'Bread', mediaIds: [], thread: [], hashtags: [] } })
    .returning();
  await db.insert(postTargets).values({
    postId: post!.id,
    workspaceId,
    accountId,
    network: 'mastodon',
    state: input.state,
    publishedAt: input.state === 'published' ? new Date(input.at) : null,
    updatedAt: new Date(input.at),
    failureReason: input.reason ?? null,
  });
  return post!.id;
}

export async function seedFollowers(
  db: Database,
  workspaceId: string,
  accountId: string,
  at: string,
  followers: number,
) {
  await db.insert(accountMetricSnapshots).values({ accountId, workspaceId, takenAt: new Date(at), followers });
}
