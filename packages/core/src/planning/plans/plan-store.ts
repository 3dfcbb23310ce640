/**
 * Plans and their briefs as stored, and as the API shows them: a brief with its account's handle,
 * its slot on the workspace clock, and its draft post's state and text.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { planBriefs, plans, type WeekTheme } from '@plume/db/schema/planning';
import { posts, type PostState } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import { formatWall, utcToWall } from '../../scheduling/zoned-time.ts';
import { isMonday, weeksOfMonth } from './plan-calendar.ts';

export type PlanRow = typeof plans.$inferSelect;
export type BriefRow = typeof planBriefs.$inferSelect;
type Db = Pick<Database, 'select'>;

export type BriefView = Omit<BriefRow, 'workspaceId' | 'contentDraftId' | 'createdAt' | 'updatedAt'> & {
  accountHandle: string;
  slotLocal: string | null;
  postState: PostState | null;
  postText: string | null;
};

function checkThemes(month: string, themes: readonly WeekTheme[]): void {
  const weeks = weeksOfMonth(month);
  themes.forEach((theme, index) => {
    if (!isMonday(theme.week) || !weeks.includes(theme.week))
      throw AppError.validation(`themes.${index}.week`, `Not a Monday of a week in ${month}.`);
    if (themes.findIndex((other) => other.week === theme.week) !== index)
      throw AppError.validation(`themes.${index}.week`, 'This week has a theme already.');
  });
}

export async function createPlan(
  db: Database,
  input: { workspaceId: string; month: string; themes: WeekTheme[]; userId: string | null },
): Promise<PlanRow> {
  checkThemes(input.month, input.themes);
  const [row] = await db
    .insert(plans)
    .values({ workspaceId: input.workspaceId, month: input.month, themes: input.themes, createdBy: input.userId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw AppError.conflict(`This workspace has a plan for ${input.month} already: open it.`);
  return row;
}

export async function listPlans(db: Db, workspaceId: string) {
  const rows = await db
    .select({ plan: plans, briefCount: count(planBriefs.id) })
    .from(plans)
    .leftJoin(planBriefs, eq(planBriefs.planId, plans.id))
    .where(eq(plans.workspaceId, workspaceId))
    .groupBy(plans.id)
    .orderBy(desc(plans.month));
  return rows.map(({ plan, briefCount }) => ({ ...summaryOf(plan), briefCount }));
}

export function summaryOf(plan: PlanRow) {
  return { id: plan.id, month: plan.month, state: plan.state, themes: plan.themes, createdAt: plan.createdAt };
}

/** Another workspace's plan reads exactly like one that does not exist. */
export async function findPlan(db: Db, workspaceId: string, planId: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.workspaceId, workspaceId), eq(plans.id, planId)));
  if (!row) throw AppError.notFound('plan');
  return row;
}

export async function updatePlan(
  db: Database,
  plan: PlanRow,
  changes: { themes?: WeekTheme[] | undefined; state?: PlanRow['state'] | undefined },
): Promise<PlanRow> {
  if (changes.themes) checkThemes(plan.month, changes.themes);
  const [row] = await db
    .update(plans)
    .set({
      ...(changes.themes ? { themes: changes.themes } : {}),
      ...(changes.state ? { state: changes.state } : {}),
      updatedAt: new Date(),
    })
    .where(eq(plans.id, plan.id))
    .returning();
  return row ?? plan;
}

export async function findBrief(db: Db | Tx, plan: PlanRow, briefId: string): Promise<BriefRow> {
  const [row] = await db
    .select()
    .from(planBriefs)
    .where(and(eq(planBriefs.planId, plan.id), eq(planBriefs.id, briefId)));
  if (!row) throw AppError.notFound('brief');
  return row;
}

export async function listBriefRows(db: Db, planId: string): Promise<BriefRow[]> {
  return db
    .select()
    .from(planBriefs)
    .where(eq(planBriefs.planId, planId))
    .orderBy(asc(planBriefs.day), asc(planBriefs.slot), asc(planBriefs.createdAt));
}

const EXCERPT = 280;

/** The briefs as the API shows them, in day and slot order (optionally one brief). */
export async function listBriefViews(db: Db, planId: string, zone: string, briefId?: string): Promise<BriefView[]> {
  const rows = await db
    .select({ brief: planBriefs, handle: socialAccounts.handle, postState: posts.state, content: posts.content })
    .from(planBriefs)
    .innerJoin(socialAccounts, eq(socialAccounts.id, planBriefs.accountId))
    .leftJoin(posts, eq(posts.id, planBriefs.postId))
    .where(and(eq(planBriefs.planId, planId), briefId === undefined ? undefined : eq(planBriefs.id, briefId)))
    .orderBy(asc(planBriefs.day), asc(planBriefs.slot), asc(planBriefs.createdAt));
  return rows.map(({ brief, handle, postState, content }) => {
    const { workspaceId: _w, contentDraftId: _d, createdAt: _c, updatedAt: _u, ...rest } = brief;
    return {
      ...rest,
      accountHandle: handle,
      slotLocal: brief.slot === null ? null : formatWall(utcToWall(zone, brief.slot)),
      postState: postState ?? null,
      postText: content ? content.text.slice(0, EXCERPT) : null,
    };
  });
}

export async function briefView(db: Db, planId: string, zone: string, briefId: string): Promise<BriefView> {
  const [view] = await listBriefViews(db, planId, zone, briefId);
  if (!view) throw AppError.notFound('brief');
  return view;
}
