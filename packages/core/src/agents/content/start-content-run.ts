/**
 * Starting a Content agent run: the plan (another workspace's is 404), its weeks and networks checked,
 * the context read as the run will read it, the run's calls estimated (each week's briefs call sized
 * with the month's topics list at its longest, and per brief the content studio's caption call built
 * for its network with the workspace's voice, plus its voice check), then the run queued.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { members, type WorkspaceKind } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { StartAgentRunInput } from '@plume/contract/agents/agent-run-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { loadVoice } from '../../content/brand-profile-store.ts';
import { describeVoice } from '../../content/describe-voice.ts';
import { buildGenerationPrompt } from '../../content/generation-prompt.ts';
import { loadTemplate } from '../../content/template-store.ts';
import { VOICE_MATCH_SYSTEM } from '../../content/voice-match.ts';
import { manifestOf } from '../../jobs/plan-jobs.ts';
import { weeksOfMonth } from '../../planning/plans/plan-calendar.ts';
import { findPlan } from '../../planning/plans/plan-store.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { estimateRun, type PlannedCall } from '../estimate-run.ts';
import { briefsPrompt, MAX_BRIEFS_PER_CALL } from './briefs-prompt.ts';
import {
  gatherContentContext,
  USED_TOPIC_CHARS,
  USED_TOPICS_SHOWN,
  weekTotal,
  type ContentContext,
} from './content-context.ts';
import type { ContentRunInput } from './content-input.ts';
import type { LlmServices } from '../../llm/llm-services.ts';
import type { ContentAgentServices } from './draft-step.ts';

/** What starting a content run needs (start-run's deps fit it). */
export type StartRunDeps = {
  db: Database;
  llm: LlmServices;
  services: { content?: ContentAgentServices | undefined };
  now?: () => Date;
};
type Workspace = { id: string; name: string; kind: WorkspaceKind; locale: string; timezone: string };

/** The content studio's answer allowance for one post on one network (ask-for-variants' outputBudget). */
const DRAFT_ANSWER_TOKENS = 1000;
/** A post as the voice check quotes it, at its longest in the estimate. */
const POST_STAND_IN = 'x'.repeat(1200);

function checkedWeeks(month: string, weeks: readonly string[] | undefined): string[] {
  const all = weeksOfMonth(month);
  if (weeks === undefined) return all;
  weeks.forEach((week, index) => {
    if (!all.includes(week))
      throw AppError.validation(
        `body/weeks/${index}`,
        `Not the Monday of a week of ${month}: use one of ${all.join(', ')}.`,
      );
  });
  return [...new Set(weeks)].sort();
}

function checkNetworks(context: ContentContext, asked: readonly NetworkId[] | undefined): void {
  asked?.forEach((network, index) => {
    if (!context.networks.some((item) => item.network === network))
      throw AppError.validation(`body/networks/${index}`, `The workspace has no connected ${network} account.`);
  });
  if (context.networks.length === 0)
    throw AppError.conflict('The workspace has no connected account yet: connect one first.');
  if (context.pillars.length === 0)
    throw AppError.conflict(
      'The workspace has no content pillars yet: set up its strategy (Strategy page) or list topics in the brand profile.',
    );
  const largest = Math.max(...context.weeks.map(weekTotal));
  if (largest > MAX_BRIEFS_PER_CALL)
    throw AppError.conflict(
      `A week would need ${largest} briefs, more than the ${MAX_BRIEFS_PER_CALL} one model call can answer within an 8k context: run the agent for fewer networks at a time.`,
    );
  if (context.weeks.every((week) => weekTotal(week) === 0))
    throw AppError.conflict('No day of these weeks is left to plan: choose a week still ahead.');
}

async function actorOf(db: Database, workspaceId: string, userId: string | null): Promise<ContentRunInput['actor']> {
  if (userId === null) return { userId: null, name: null, role: 'editor', kind: 'api_key' };
  const [row] = await db
    .select({ name: users.name, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.organizationId, workspaceId), eq(members.userId, userId)));
  return { userId, name: row?.name ?? null, role: row?.role ?? 'editor', kind: 'user' };
}

/** The content studio's calls for one brief on `network`, built as generateVariants builds them. */
async function draftCalls(db: Database, workspace: Workspace, runtime: NetworkRuntime, network: NetworkId) {
  const manifest = manifestOf(runtime)(network);
  const { voice } = await loadVoice(db, workspace);
  const template = await loadTemplate(db, workspace.id, 'educational');
  const brief = `${'x'.repeat(140)}\nContent pillar: ${'x'.repeat(40)}.\nThis week's theme: ${'x'.repeat(120)}.`;
  const built = manifest
    ? buildGenerationPrompt({ voice, template, brief, targets: [manifest], variants: 1, mediaCount: 0 })
    : null;
  const caption = built?.ok ? built.prompt : { system: describeVoice(voice).join('\n'), user: brief.repeat(8) };
  const voiceUser = ['The voice:', ...describeVoice(voice), 'The post:', POST_STAND_IN].join('\n');
  return [
    { task: 'caption' as const, prompt: { ...caption, maxOutputTokens: DRAFT_ANSWER_TOKENS } },
    { task: 'voice_match' as const, prompt: { system: VOICE_MATCH_SYSTEM, user: voiceUser, maxOutputTokens: 200 } },
  ];
}

async function plannedCalls(
  deps: StartRunDeps,
  workspace: Workspace,
  runtime: NetworkRuntime,
  context: ContentContext,
) {
  const longest = Array.from({ length: USED_TOPICS_SHOWN }, () => 'x'.repeat(USED_TOPIC_CHARS));
  const calls: PlannedCall[] = context.weeks
    .filter((week) => weekTotal(week) > 0)
    .map((week) => ({ task: 'plan', prompt: briefsPrompt(context, week, longest) }));
  for (const { network } of context.networks) {
    const times = context.weeks.reduce((sum, week) => sum + (week.counts[network] ?? 0), 0);
    if (times === 0) continue;
    for (const call of await draftCalls(deps.db, workspace, runtime, network)) calls.push({ ...call, times });
  }
  return calls;
}

export type ContentRunStart = { input: ContentRunInput; estimateMicros: number; plannedSteps: number };

/** Resolves and prices a content run; the caller queues it. */
export async function prepareContentRun(
  deps: StartRunDeps,
  command: { workspace: Workspace; userId: string | null; body: StartAgentRunInput },
): Promise<ContentRunStart> {
  const runtime = deps.services.content?.runtime;
  if (runtime === undefined) throw new Error('The Content agent needs the network runtime.');
  const { body, workspace } = command;
  const plan = await findPlan(deps.db, workspace.id, body.planId ?? '');
  const weeks = checkedWeeks(plan.month, body.weeks);
  const networks = body.networks ?? null;
  const now = deps.now?.() ?? new Date();
  const context = await gatherContentContext(deps.db, { workspace, plan, weeks, networks, now });
  checkNetworks(context, body.networks);
  const calls = await plannedCalls(deps, workspace, runtime, context);
  const estimate = await estimateRun(
    { db: deps.db, llm: deps.llm, now: () => now },
    { workspaceId: workspace.id, calls },
  );
  const briefs = context.weeks.reduce((sum, week) => sum + weekTotal(week), 0);
  const modelWeeks = context.weeks.filter((week) => weekTotal(week) > 0).length;
  return {
    input: {
      kind: 'content',
      planId: plan.id,
      weeks,
      networks,
      actor: await actorOf(deps.db, workspace.id, command.userId),
      localCandidates: estimate.localCandidates,
    },
    estimateMicros: estimate.estimateMicros,
    // context, then per week its briefs and their store, then a draft per brief.
    plannedSteps: 1 + 2 * modelWeeks + briefs,
  };
}
