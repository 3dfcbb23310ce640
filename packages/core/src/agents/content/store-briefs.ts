/**
 * A week's briefs written to the plan once. The rows carry the run's id, so a run resumed after a
 * crash between the insert and the step's result finds the week's rows and returns them instead of
 * writing the week twice. Each network's briefs go to its accounts in turn (by day), so two accounts
 * on one network share the week.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { planBriefs } from '@plume/db/schema/planning';
import type { ContentBrief } from '@plume/contract/agents/content-run-schemas';
import type { ContentContext, ContentWeek } from './content-context.ts';

export type StoreWeek = {
  runId: string;
  plan: { id: string; workspaceId: string };
  week: ContentWeek;
  networks: ContentContext['networks'];
  briefs: readonly ContentBrief[];
};

/** Each brief with its account: a network's briefs in day order, dealt to its accounts in turn. */
export function assignAccounts(briefs: readonly ContentBrief[], networks: ContentContext['networks']) {
  const dealt = new Map<string, number>();
  const ordered = briefs
    .map((brief, index) => ({ brief, index }))
    .sort((a, b) => a.brief.day.localeCompare(b.brief.day) || a.index - b.index);
  return ordered.map(({ brief }) => {
    const accounts = networks.find((item) => item.network === brief.network)?.accountIds ?? [];
    const turn = dealt.get(brief.network) ?? 0;
    dealt.set(brief.network, turn + 1);
    const accountId = accounts[turn % Math.max(1, accounts.length)];
    if (accountId === undefined) throw new Error(`No account on ${brief.network} for the brief "${brief.topic}".`);
    return { brief, accountId };
  });
}

/** @returns the week's brief ids, in day order. */
export async function storeWeekBriefs(db: Database, input: StoreWeek): Promise<string[]> {
  const existing = await db
    .select({ id: planBriefs.id })
    .from(planBriefs)
    .where(
      and(
        eq(planBriefs.planId, input.plan.id),
        eq(planBriefs.agentRunId, input.runId),
        inArray(planBriefs.day, input.week.days),
      ),
    )
    .orderBy(asc(planBriefs.day), asc(planBriefs.createdAt), asc(planBriefs.id));
  if (existing.length > 0) return existing.map((row) => row.id);
  if (input.briefs.length === 0) return [];
  const now = new Date();
  const rows = await db
    .insert(planBriefs)
    .values(
      assignAccounts(input.briefs, input.networks).map(({ brief, accountId }, index) => ({
        planId: input.plan.id,
        workspaceId: input.plan.workspaceId,
        day: brief.day,
        network: brief.network,
        accountId,
        pillar: brief.pillar,
        topic: brief.topic,
        format: brief.format,
        visualBrief: brief.visualBrief,
        agentRunId: input.runId,
        // Distinct times keep the day's order stable when read back.
        createdAt: new Date(now.getTime() + index),
        updatedAt: now,
      })),
    )
    .returning({ id: planBriefs.id, day: planBriefs.day, createdAt: planBriefs.createdAt });
  return rows
    .sort((a, b) => a.day.localeCompare(b.day) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => row.id);
}
