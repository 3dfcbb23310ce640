/**
 * Emergency replacement for any scheduled post (issue 13): the post is pulled (unscheduled, then
 * cancelled, through the state machine, so its publishing job goes) and a replacement draft is written
 * through the content studio with the reason and the old text's summary in the prompt; it takes the same
 * slot and the same accounts and is approved like any draft. A post written for a plan brief goes through
 * the plan's own replacement (replaceBrief), so the board keeps its chain. The pull stands even when the
 * model fails: the answer then says why no draft was written.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { planBriefs } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import { recordAudit } from '../../audit/record-audit.ts';
import { acceptVariant } from '../../content/accept-variant.ts';
import { listRevisions } from '../../content/draft-store.ts';
import { generateVariants } from '../../content/generate-variants.ts';
import type { PostActor } from '../../posts/approval-settings.ts';
import { movePost, withdrawPost } from './brief-posts.ts';
import type { DraftDeps, DraftWorkspace } from './draft-brief.ts';
import { findPlan } from './plan-store.ts';
import { replaceBrief } from './replace-brief.ts';

export type EmergencyInput = { workspace: DraftWorkspace; postId: string; reason: string; actor: PostActor };

export type EmergencyResult = {
  pulledPostId: string;
  /** The replacement draft post, or null when the model could not write it (see `problem`). */
  replacementPostId: string | null;
  /** The replacement brief when the post was a plan brief's. */
  replacementBriefId: string | null;
  problem: string | null;
};

const SUMMARY_CHARS = 280;

/** The old post's text, short enough for a prompt: whitespace folded, cut at a word. */
export function summarizeText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_CHARS) return flat;
  const cut = flat.slice(0, SUMMARY_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_CHARS / 2))}…`;
}

/** What the content agent reads for the replacement: the reason first, then what the pulled post said. */
export function emergencyPrompt(reason: string, oldText: string): string {
  return [
    'Write a replacement for a scheduled post that was pulled before it went out.',
    `Why it was pulled: ${reason}`,
    `The pulled post said: "${summarizeText(oldText)}"`,
    'Write a new post for the same audience and slot that avoids the problem.',
  ].join('\n');
}

/** Failures of the model (budget, no provider, every candidate failed) are the answer's `problem`; others are thrown. */
function problemOf(error: unknown): string {
  if (error instanceof LlmGatewayError || error instanceof AppError) return error.message;
  throw error;
}

async function scheduledPost(deps: DraftDeps, workspaceId: string, postId: string) {
  const [post] = await deps.db
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (!post) throw AppError.notFound('post');
  if (post.state !== 'scheduled')
    throw AppError.conflict(`Only a scheduled post can be pulled and replaced; this one is ${post.state}.`);
  return post;
}

async function liveBriefOf(deps: DraftDeps, workspaceId: string, postId: string) {
  const [brief] = await deps.db
    .select()
    .from(planBriefs)
    .where(
      and(eq(planBriefs.workspaceId, workspaceId), eq(planBriefs.postId, postId), isNull(planBriefs.replacedById)),
    );
  return brief;
}

async function viaPlan(deps: DraftDeps, input: EmergencyInput, planId: string, briefId: string) {
  const plan = await findPlan(deps.db, input.workspace.id, planId);
  const command = { ...input, plan, briefId, emergency: true };
  try {
    const { replacement } = await replaceBrief(deps, command);
    return { replacementPostId: replacement.postId, replacementBriefId: replacement.id, problem: null };
  } catch (error) {
    const problem = problemOf(error);
    const [kept] = await deps.db.select().from(planBriefs).where(eq(planBriefs.replacesId, briefId));
    if (!kept) throw error;
    return { replacementPostId: null, replacementBriefId: kept.id, problem };
  }
}

async function writeReplacement(
  deps: DraftDeps,
  input: EmergencyInput,
  old: { text: string; accountIds: string[]; slot: Date | null },
): Promise<string> {
  const generated = await generateVariants(deps, {
    workspace: input.workspace,
    userId: input.actor.userId,
    brief: { topic: emergencyPrompt(input.reason, old.text) },
    targets: old.accountIds.map((accountId) => ({ accountId })),
    variants: 1,
  });
  const revisions = await listRevisions(deps.db, generated.draftId);
  const firstPerNetwork = [...new Map(revisions.map((row) => [row.network, row.id])).values()];
  const postDeps = { db: deps.db, runtime: deps.runtime };
  const { postId } = await acceptVariant(postDeps, {
    workspaceId: input.workspace.id,
    actor: input.actor,
    draftId: generated.draftId,
    revisionIds: firstPerNetwork,
    accountIds: old.accountIds,
  });
  if (old.slot !== null && old.slot.getTime() > Date.now())
    await movePost(postDeps, { workspaceId: input.workspace.id, postId, slot: old.slot, actor: input.actor });
  return postId;
}

async function standalone(deps: DraftDeps, input: EmergencyInput, post: typeof posts.$inferSelect) {
  const targets = await deps.db
    .select({ accountId: postTargets.accountId })
    .from(postTargets)
    .where(eq(postTargets.postId, post.id));
  await withdrawPost(deps, {
    workspaceId: input.workspace.id,
    postId: post.id,
    actor: input.actor,
    reason: input.reason,
    canReject: false,
  });
  const old = { text: post.content.text, accountIds: targets.map((row) => row.accountId), slot: post.scheduledAt };
  try {
    return { replacementPostId: await writeReplacement(deps, input, old), replacementBriefId: null, problem: null };
  } catch (error) {
    return { replacementPostId: null, replacementBriefId: null, problem: problemOf(error) };
  }
}

export async function emergencyReplacePost(deps: DraftDeps, input: EmergencyInput): Promise<EmergencyResult> {
  const post = await scheduledPost(deps, input.workspace.id, input.postId);
  const brief = await liveBriefOf(deps, input.workspace.id, post.id);
  const outcome = brief ? await viaPlan(deps, input, brief.planId, brief.id) : await standalone(deps, input, post);
  const actor = { type: input.actor.kind, id: input.actor.userId, name: input.actor.name };
  await recordAudit(deps.db, input.workspace.id, actor, 'post.emergency_replaced', 'post', post.id, {
    reason: input.reason,
    replacementPostId: outcome.replacementPostId,
    replacementBriefId: outcome.replacementBriefId,
    draftWritten: outcome.problem === null,
  });
  return { pulledPostId: post.id, ...outcome };
}
