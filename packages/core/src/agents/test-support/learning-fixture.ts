/**
 * A bakery's week for the Learning agent's tests (Europe/Paris, week of Monday 2026-11-23): a strategy
 * with three pillars and two KPI targets, a Mastodon account whose median post has 10 likes, and a
 * plan whose week holds three published briefs (30, 20 and 5 likes), one whose publishing failed, one
 * rejected and replaced, one never drafted, plus one post published outside the plan (10 likes).
 */
import type { Database } from '@plume/db/client';
import { planBriefs, plans } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { seedAccount, seedMeasuredPost } from '@plume/testing/seed-analytics';
import type { WorkspaceStrategy } from '@plume/contract/planning/strategy-schemas';
import { putWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';

export const WEEK = '2026-11-23';
export const ACTOR = { type: 'system' as const, id: null, name: 'learning test' };

export const STRATEGY: WorkspaceStrategy = {
  pillars: [
    { key: 'bakes', name: 'Daily bakes', share: 50, description: 'What came out of the oven' },
    { key: 'team', name: 'Behind the counter', share: 30, description: 'The people' },
    { key: 'offers', name: 'Offers', share: 20, description: 'Deals and gift cards' },
  ],
  goals: ['awareness'],
  audience: 'Neighbours and commuters',
  tone: ['warm'],
  cadence: { mastodon: 5 },
  kpiTargets: [
    { key: 'engagement_rate', name: 'Engagement rate', unit: 'percent', target: 4 },
    { key: 'reach', name: 'Reach', unit: 'count', target: 5000 },
  ],
  locale: 'en-US',
  monthlyAiBudgetUsd: null,
  templateId: null,
  templateVersion: null,
};

type Outcome = 'published' | 'failed' | 'replaced' | 'brief';
type SeedBrief = { day: string; hour: number; pillar: string; topic: string; outcome: Outcome; likes?: number };

export const BRIEFS: SeedBrief[] = [
  { day: '2026-11-24', hour: 8, pillar: 'bakes', topic: 'Sourdough morning bake', outcome: 'published', likes: 30 },
  { day: '2026-11-25', hour: 8, pillar: 'bakes', topic: 'Croissant tips', outcome: 'published', likes: 20 },
  { day: '2026-11-26', hour: 20, pillar: 'team', topic: 'Meet our baker', outcome: 'published', likes: 5 },
  { day: '2026-11-27', hour: 10, pillar: 'offers', topic: 'Weekend discount', outcome: 'failed' },
  { day: '2026-11-28', hour: 10, pillar: 'offers', topic: 'Gift cards', outcome: 'replaced' },
  { day: '2026-11-29', hour: 10, pillar: 'team', topic: 'Shop dog', outcome: 'brief' },
];

/** `hour` UTC on `day`: Paris is UTC+1 in November, so the local hour is one more. */
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

async function seedBrief(
  db: Database,
  ids: { workspaceId: string; accountId: string; planId: string },
  brief: SeedBrief,
) {
  const base = {
    planId: ids.planId,
    workspaceId: ids.workspaceId,
    day: brief.day,
    network: 'mastodon' as const,
    accountId: ids.accountId,
    pillar: brief.pillar,
    topic: brief.topic,
    slot: at(brief.day, brief.hour),
  };
  if (brief.outcome === 'brief' || brief.outcome === 'replaced') {
    await db.insert(planBriefs).values({
      ...base,
      state: brief.outcome,
      rejectionReason: brief.outcome === 'replaced' ? 'Too salesy for the week before Advent' : null,
    });
    return;
  }
  const published = brief.outcome === 'published';
  const [post] = await db
    .insert(posts)
    .values({
      workspaceId: ids.workspaceId,
      content: { text: brief.topic, mediaIds: [], thread: [], hashtags: [] },
      scheduledAt: base.slot,
      state: published ? 'published' : 'failed',
    })
    .returning({ id: posts.id });
  const [target] = await db
    .insert(postTargets)
    .values({
      postId: post?.id ?? '',
      workspaceId: ids.workspaceId,
      accountId: ids.accountId,
      network: 'mastodon',
      state: published ? 'published' : 'failed',
      failureReason: published ? null : 'The server answered 503 three times',
      publishedAt: published ? base.slot : null,
    })
    .returning({ id: postTargets.id });
  await db.insert(planBriefs).values({ ...base, state: 'scheduled', postId: post?.id ?? null });
  if (published)
    await seedMeasuredPost(db, {
      workspaceId: ids.workspaceId,
      accountId: ids.accountId,
      network: 'mastodon',
      publishedAt: base.slot,
      text: brief.topic,
      targetId: target?.id,
      metrics: { likes: brief.likes ?? 0, reposts: 0, replies: 1 },
      followers: 500,
    });
}

/** The strategy, the account and its history; with `withWeek`, the plan and its week too. */
export async function seedLearningWorkspace(
  db: Database,
  workspaceId: string,
  options: { withWeek: boolean } = { withWeek: true },
): Promise<{ accountId: string; planId: string }> {
  await putWorkspaceStrategy(db, { workspaceId, actor: ACTOR, strategy: STRATEGY });
  const accountId = await seedAccount(db, { workspaceId, network: 'mastodon', handle: 'crumb' });
  for (let day = 1; day <= 20; day += 1)
    await seedMeasuredPost(db, {
      workspaceId,
      accountId,
      network: 'mastodon',
      publishedAt: new Date(Date.UTC(2026, 9, 20 + day, 9)),
      text: `Older post ${day}`,
      metrics: { likes: 9, reposts: 0, replies: 1 },
    });
  const [plan] = await db
    .insert(plans)
    .values({ workspaceId, month: '2026-11', state: 'active' })
    .returning({ id: plans.id });
  const planId = plan?.id ?? '';
  if (!options.withWeek) return { accountId, planId };
  for (const brief of BRIEFS) await seedBrief(db, { workspaceId, accountId, planId }, brief);
  await seedMeasuredPost(db, {
    workspaceId,
    accountId,
    network: 'mastodon',
    publishedAt: at('2026-11-27', 15),
    text: 'Fresh stollen is back, posted by hand',
    metrics: { likes: 9, reposts: 0, replies: 1 },
  });
  return { accountId, planId };
}
