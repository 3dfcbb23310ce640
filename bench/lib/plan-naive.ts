// The naive planner `npm run bench:plan` compares Plume with: what a simple "AI autopilot" does, one
// model call per post, each carrying everything the app knows so the model can decide well: the whole
// brand profile, the whole strategy (pillars with descriptions, goals, cadence, KPI targets), the whole
// industry template copy (formats, example briefs, hashtags, calls to action, seasonal dates, sources)
// and the account's history: its last 100 posts with their metrics, one line each. It plans the same
// posts Plume plans (the strategy's cadence per network, pro rata for weeks cut by the month's edge),
// picks each post's pillar by the strategy's shares, spreads a week's posts over its days, and asks the
// same gateway and the same fake for each post's topic and text. Not a straw man: no retries, no
// repeated context beyond one post's call, and the history is capped.
import { and, desc, eq } from 'drizzle-orm';
import { getBrandProfile } from '@plume/core/content/brand-profile-store';
import { daysOfWeek, monthOf, weeksOfMonth } from '@plume/core/planning/plans/plan-calendar';
import { getTemplateCopy } from '@plume/core/planning/strategy/template-copy-store';
import { getWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import { measuredPosts } from '@plume/db/schema/analytics';
import type { PlanWorld } from './plan-setup.ts';

export const NAIVE_SYSTEM =
  'You are a social media manager. Using the brand profile, the strategy, the industry playbook and the account history below, write one post for the day, network and pillar given. Answer with JSON: {"topic": "…", "text": "…", "hashtags": ["…"]}.';
export const HISTORY_CAP = 100;

export type NaivePost = { day: string; network: string; pillar: string; topic: string; text: string };

async function historyLines(world: PlanWorld, accountId: string): Promise<string[]> {
  const rows = await world.db
    .select()
    .from(measuredPosts)
    .where(and(eq(measuredPosts.workspaceId, world.workspaceId), eq(measuredPosts.accountId, accountId)))
    .orderBy(desc(measuredPosts.publishedAt))
    .limit(HISTORY_CAP);
  return rows.map(
    (row) =>
      `${row.publishedAt.toISOString()} | ${row.text} | impressions ${row.impressions ?? 0}, likes ${row.likes ?? 0}, reposts ${row.reposts ?? 0}, replies ${row.replies ?? 0}, engagement rate ${((row.engagementRate ?? 0) * 100).toFixed(2)} %`,
  );
}

/** The pillar furthest behind its share so far (largest remainder), so the month keeps the mix. */
function nextPillar(pillars: ReadonlyArray<{ key: string; share: number }>, used: Map<string, number>): string {
  const total = [...used.values()].reduce((sum, count) => sum + count, 0) + 1;
  const sum = pillars.reduce((acc, pillar) => acc + pillar.share, 0);
  let best = pillars[0]!;
  let gap = -Infinity;
  for (const pillar of pillars) {
    const behind = (pillar.share / sum) * total - (used.get(pillar.key) ?? 0);
    if (behind > gap) [best, gap] = [pillar, behind];
  }
  used.set(best.key, (used.get(best.key) ?? 0) + 1);
  return best.key;
}

/** The slots the naive planner fills: per week and network, the cadence pro rata over the month's days ahead. */
function slotsOf(month: string, today: string, cadence: Record<string, number | undefined>) {
  const slots: Array<{ day: string; network: string }> = [];
  for (const week of weeksOfMonth(month)) {
    const days = daysOfWeek(week).filter((day) => monthOf(day) === month && day >= today);
    for (const [network, perWeek] of Object.entries(cadence)) {
      const count = Math.round(((perWeek ?? 0) * days.length) / 7);
      for (let index = 0; index < count; index += 1)
        slots.push({ network, day: days[Math.floor((index * days.length) / count)]! });
    }
  }
  return slots;
}

export async function runNaivePlanner(world: PlanWorld, today: string): Promise<NaivePost[]> {
  const profile = await getBrandProfile(world.db, world.workspaceId);
  const strategy = await getWorkspaceStrategy(world.db, world.workspaceId);
  const copy = await getTemplateCopy(world.db, world.workspaceId);
  if (!profile || !strategy || !copy)
    throw new Error('the naive planner needs the brand profile, strategy and template copy');
  const context = [
    `Brand profile: ${JSON.stringify(profile.brand)}`,
    `Strategy: ${JSON.stringify({ ...strategy, updatedAt: undefined })}`,
    `Industry playbook: ${JSON.stringify(copy.template)}`,
  ].join('\n');
  const history = new Map<string, string[]>();
  for (const account of world.accounts) history.set(account.network, await historyLines(world, account.id));
  const used = new Map<string, number>();
  const posts: NaivePost[] = [];
  for (const slot of slotsOf(world.month, today, strategy.cadence)) {
    const pillar = nextPillar(strategy.pillars, used);
    const user = [
      context,
      `Recent posts on this ${slot.network} account (newest first, with results):`,
      ...(history.get(slot.network) ?? []),
      `Write the post for ${slot.day} on ${slot.network}, pillar: ${pillar}.`,
    ].join('\n');
    const answer = await world.llm.gateway.generate({
      workspaceId: world.workspaceId,
      userId: world.userId,
      task: 'caption',
      call: {
        system: NAIVE_SYSTEM,
        messages: [{ role: 'user', content: user }],
        maxOutputTokens: 400,
        responseFormat: 'json',
        temperature: 0.7,
      },
    });
    const parsed = JSON.parse(answer.text) as { topic?: string; text?: string };
    posts.push({ ...slot, pillar, topic: parsed.topic ?? '', text: parsed.text ?? '' });
  }
  return posts;
}
