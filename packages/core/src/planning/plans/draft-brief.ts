/**
 * Writes one brief's draft through the content studio (generateVariants: the LLM gateway with its
 * routing and budget, the voice, limits and quality score), then makes it a draft post at the brief's
 * slot (acceptVariant, then the slot through the state machine). The content draft's id is stored on
 * the brief as soon as it exists, so a job resumed after a crash accepts it instead of paying again.
 */
import { eq } from 'drizzle-orm';
import type { WorkspaceKind } from '@plume/db/schema/workspaces';
import { planBriefs } from '@plume/db/schema/planning';
import { acceptVariant } from '../../content/accept-variant.ts';
import { findDraft, listRevisions } from '../../content/draft-store.ts';
import { generateVariants, type GenerateDeps } from '../../content/generate-variants.ts';
import type { PostActor } from '../../posts/approval-settings.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { movePost } from './brief-posts.ts';
import { mondayOf } from './plan-calendar.ts';
import type { BriefRow, PlanRow } from './plan-store.ts';

export type DraftDeps = GenerateDeps & { runtime: NetworkRuntime };
export type DraftWorkspace = { id: string; name: string; kind: WorkspaceKind; locale: string };

/** What the content agent reads for one brief: compact, the brief's own words and the reason a draft was turned down. */
export function briefPrompt(plan: PlanRow, brief: BriefRow, rejectedBecause: string | null): string {
  const theme = plan.themes.find((item) => item.week === mondayOf(brief.day))?.theme;
  return [
    brief.topic,
    `Content pillar: ${brief.pillar}.`,
    ...(brief.notes ? [`Notes from the planner: ${brief.notes}`] : []),
    ...(theme ? [`This week's theme: ${theme}.`] : []),
    ...(rejectedBecause
      ? [
          `An earlier draft for this slot was rejected. The reviewer's reason: ${rejectedBecause} Write a new post that avoids this.`,
        ]
      : []),
  ].join('\n');
}

async function contentDraftOf(deps: DraftDeps, input: DraftInput): Promise<string> {
  if (input.brief.contentDraftId !== null) return input.brief.contentDraftId;
  const generated = await generateVariants(deps, {
    workspace: input.workspace,
    userId: input.actor.userId,
    brief: { topic: briefPrompt(input.plan, input.brief, input.rejectedBecause), contentType: input.brief.format },
    targets: [{ accountId: input.brief.accountId }],
    variants: 1,
  });
  await deps.db
    .update(planBriefs)
    .set({ contentDraftId: generated.draftId, updatedAt: new Date() })
    .where(eq(planBriefs.id, input.brief.id));
  return generated.draftId;
}

export type DraftInput = {
  plan: PlanRow;
  brief: BriefRow;
  workspace: DraftWorkspace;
  actor: PostActor;
  /** The reason the draft this brief replaces was rejected, for the prompt. */
  rejectedBecause: string | null;
};

/** @returns the draft post's id. A brief that has one already is left as it is. */
export async function draftBrief(deps: DraftDeps, input: DraftInput): Promise<string> {
  if (input.brief.postId !== null) return input.brief.postId;
  const draftId = await contentDraftOf(deps, input);
  // Accepted before a crash, but not yet noted on the brief: that post is the brief's.
  const accepted = (await findDraft(deps.db, input.plan.workspaceId, draftId)).postId;
  if (accepted !== null) return markDrafted(deps, input.brief, accepted);
  const revision = (await listRevisions(deps.db, draftId)).find((row) => row.network === input.brief.network);
  if (!revision) throw new Error(`The content draft ${draftId} has no text for ${input.brief.network}.`);
  const postDeps = { db: deps.db, runtime: deps.runtime };
  const { postId } = await acceptVariant(postDeps, {
    workspaceId: input.plan.workspaceId,
    actor: input.actor,
    draftId,
    revisionIds: [revision.id],
    accountIds: [input.brief.accountId],
  });
  if (input.brief.slot !== null && input.brief.slot.getTime() > Date.now())
    await movePost(postDeps, {
      workspaceId: input.plan.workspaceId,
      postId,
      slot: input.brief.slot,
      actor: input.actor,
    });
  return markDrafted(deps, input.brief, postId);
}

async function markDrafted(deps: DraftDeps, brief: BriefRow, postId: string): Promise<string> {
  await deps.db
    .update(planBriefs)
    .set({ postId, state: 'drafted', updatedAt: new Date() })
    .where(eq(planBriefs.id, brief.id));
  return postId;
}
