/**
 * The Content agent over a run's steps: `context` (plan, strategy, accounts, read once) → per week
 * `briefs:<monday>` (the model's briefs, task `plan`, `:retry` once on a malformed answer) and
 * `store:<monday>` (written to the plan once) → per brief `draft:<briefId>` (the content studio). Every
 * step's result is stored, so a resumed run pays for nothing twice (docs/planning.md, "Content agent").
 */
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { workspaces } from '@plume/db/schema/workspaces';
import type { ContentRunOutput } from '@plume/contract/agents/content-run-schemas';
import { findPlan, type PlanRow } from '../../planning/plans/plan-store.ts';
import { modelStep } from '../model-step.ts';
import type { RunContext } from '../runner.ts';
import { briefsPrompt, briefsSchemaFor } from './briefs-prompt.ts';
import { contentContextSchema, gatherContentContext, weekTotal, type ContentContext } from './content-context.ts';
import { contentRunInputSchema, type ContentRunInput } from './content-input.ts';
import { draftStep, type ContentAgentServices } from './draft-step.ts';
import { storeWeekBriefs } from './store-briefs.ts';

const storedSchema = z.object({ briefIds: z.array(z.string()) });

async function readContext(context: RunContext, plan: PlanRow, input: ContentRunInput): Promise<ContentContext> {
  return context.step('context', contentContextSchema, async () => {
    const [workspace] = await context.db.select().from(workspaces).where(eq(workspaces.id, plan.workspaceId));
    if (!workspace) throw new Error('The workspace is gone.');
    return {
      result: await gatherContentContext(context.db, {
        workspace: { id: workspace.id, timezone: workspace.timezone, locale: workspace.locale },
        plan,
        weeks: input.weeks,
        networks: input.networks,
        now: new Date(),
      }),
    };
  });
}

/** Every week's briefs, model step then store step; returns the brief ids per week in order. */
async function writeBriefs(context: RunContext, plan: PlanRow, known: ContentContext) {
  const used = [...known.usedTopics];
  const written: Array<{ week: string; briefIds: string[] }> = [];
  for (const week of known.weeks) {
    if (weekTotal(week) === 0 || week.days.length === 0) {
      written.push({ week: week.week, briefIds: [] });
      continue;
    }
    const answer = await modelStep(context, {
      key: `briefs:${week.week}`,
      what: `the briefs for the week of ${week.week}`,
      task: 'plan',
      prompt: briefsPrompt(known, week, used),
      schema: briefsSchemaFor(known, week, used),
    });
    const stored = await context.step(`store:${week.week}`, storedSchema, async () => ({
      result: {
        briefIds: await storeWeekBriefs(context.db, {
          runId: context.run.id,
          plan,
          week,
          networks: known.networks,
          briefs: answer.briefs,
        }),
      },
    }));
    used.push(...answer.briefs.map((brief) => brief.topic));
    written.push({ week: week.week, briefIds: stored.briefIds });
  }
  return written;
}

/** The Content agent; `services.runtime` gives the networks' facts the drafts need. */
export async function runContentAgent(
  context: RunContext,
  services: ContentAgentServices,
): Promise<{ content: ContentRunOutput }> {
  const input = contentRunInputSchema.parse(context.run.input);
  const plan = await findPlan(context.db, context.run.workspaceId, input.planId);
  const known = await readContext(context, plan, input);
  const written = await writeBriefs(context, plan, known);
  let drafted = 0;
  const failed: ContentRunOutput['failed'] = [];
  for (const briefId of written.flatMap((week) => week.briefIds)) {
    const result = await draftStep(context, services, { plan, briefId, run: input });
    if (result.postId !== null) drafted += 1;
    else failed.push({ briefId, message: result.error ?? 'No draft was written.' });
  }
  return {
    content: {
      planId: plan.id,
      weeks: written.map((week) => ({ week: week.week, briefs: week.briefIds.length })),
      drafted,
      failed,
    },
  };
}
