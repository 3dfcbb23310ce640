/**
 * What placement and the checks read around a plan: the workspace's zone, its rules (strategy or
 * defaults), the plan's live briefs, and the posts already going out on its accounts that are not the
 * plan's own (approved, scheduled or publishing, with a time).
 */
import { and, eq, gte, inArray, isNotNull, lt, notInArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { workspaces } from '@plume/db/schema/workspaces';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import type { ScheduledPost, SlotRules } from '../placement/placement-types.ts';
import type { PlannedPost } from '../checks/plan-types.ts';
import { strategyRulesLoader, slotRulesFor, type PlanRulesLoader, type PlanRulesSource } from './plan-rules.ts';
import type { BriefRow } from './plan-store.ts';

export type PlanDeps = { db: Database; runtime: NetworkRuntime; loadRules?: PlanRulesLoader };

/** Briefs that still stand for a post (a rejected or replaced one has given its slot away). */
export const isLive = (brief: BriefRow) => brief.state !== 'rejected' && brief.state !== 'replaced';

export async function zoneOf(db: Pick<Database, 'select'>, workspaceId: string): Promise<string> {
  const [row] = await db.select({ zone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.zone ?? 'UTC';
}

export type PlanWorld = { zone: string; source: PlanRulesSource; rules: SlotRules; scheduled: ScheduledPost[] };

/** Everything around `briefs` for the range: scheduled posts outside the plan, and the rules. */
export async function loadWorld(
  deps: PlanDeps,
  workspaceId: string,
  briefs: readonly BriefRow[],
  range: { from: Date; to: Date },
): Promise<PlanWorld> {
  const zone = await zoneOf(deps.db, workspaceId);
  const source = await (deps.loadRules ?? strategyRulesLoader)(deps.db, workspaceId);
  const rules = slotRulesFor(source, zone, [...new Set(briefs.map((brief) => brief.network))]);
  const own = briefs.flatMap((brief) => (brief.postId === null ? [] : [brief.postId]));
  const accounts = [...new Set(briefs.map((brief) => brief.accountId))];
  // A day's margin each side: the minimum gap reaches across the range's edges.
  const from = new Date(range.from.getTime() - 86_400_000);
  const to = new Date(range.to.getTime() + 86_400_000);
  const rows =
    accounts.length === 0
      ? []
      : await deps.db
          .select({ accountId: postTargets.accountId, at: posts.scheduledAt })
          .from(posts)
          .innerJoin(postTargets, eq(postTargets.postId, posts.id))
          .where(
            and(
              eq(posts.workspaceId, workspaceId),
              inArray(posts.state, ['approved', 'scheduled', 'publishing']),
              isNotNull(posts.scheduledAt),
              gte(posts.scheduledAt, from),
              lt(posts.scheduledAt, to),
              inArray(postTargets.accountId, accounts),
              own.length === 0 ? undefined : notInArray(posts.id, own),
            ),
          );
  const scheduled = rows.flatMap((row) => (row.at === null ? [] : [{ accountId: row.accountId, at: row.at }]));
  return { zone, source, rules, scheduled };
}

/** Placed live briefs as the checks read them; `textOf` gives a drafted brief its post's text. */
export function plannedPosts(briefs: readonly BriefRow[], textOf: (brief: BriefRow) => string): PlannedPost[] {
  return briefs.flatMap((brief) =>
    isLive(brief) && brief.slot !== null
      ? [
          {
            id: brief.id,
            pillar: brief.pillar,
            text: textOf(brief),
            network: brief.network,
            accountId: brief.accountId,
            at: brief.slot,
          },
        ]
      : [],
  );
}
