/**
 * Variant B's draft post. `text`: a second text for the same brief through the content studio
 * (generateVariants: routing, budget, voice, the network's limit and the quality score apply), told
 * what A says and to say it differently; then accepted as B's draft post at B's slot (draftBrief).
 * `time`: A's post copied as it is (text, hashtags, thread, media, the target's override and settings)
 * to B's slot, as a new draft.
 */
import { eq } from 'drizzle-orm';
import type { AbTestKind } from '@plume/contract/planning/ab-test-enums';
import { planBriefs } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { generateVariants } from '../../content/generate-variants.ts';
import type { PostActor } from '../../posts/approval-settings.ts';
import { createPost } from '../../posts/manage-posts.ts';
import { briefPrompt, draftBrief, type DraftDeps, type DraftWorkspace } from '../plans/draft-brief.ts';
import type { BriefRow, PlanRow } from '../plans/plan-store.ts';

export type VariantBInput = {
  plan: PlanRow;
  kind: AbTestKind;
  a: BriefRow;
  aPostId: string;
  b: BriefRow;
  actor: PostActor;
  workspace: DraftWorkspace;
};

async function postOf(deps: DraftDeps, postId: string) {
  const [post] = await deps.db.select().from(posts).where(eq(posts.id, postId));
  if (!post) throw new Error(`post ${postId} is gone`);
  const targets = await deps.db.select().from(postTargets).where(eq(postTargets.postId, postId));
  return { post, targets };
}

/** What the model reads for B: the brief's own words, then A's text and the ask to differ. */
export function variantBPrompt(plan: PlanRow, b: BriefRow, textA: string): string {
  return [
    briefPrompt(plan, b, null),
    `This is variant B of an A/B test. Variant A reads: "${textA}"`,
    'Write a clearly different post on the same topic with the same facts: another opening hook and angle, about the same length.',
  ].join('\n');
}

async function writeTextVariant(deps: DraftDeps, input: VariantBInput): Promise<void> {
  const { post } = await postOf(deps, input.aPostId);
  const generated = await generateVariants(deps, {
    workspace: input.workspace,
    userId: input.actor.userId,
    brief: { topic: variantBPrompt(input.plan, input.b, post.content.text), contentType: input.b.format },
    targets: [{ accountId: input.b.accountId }],
    variants: 1,
  });
  const b = { ...input.b, contentDraftId: generated.draftId };
  await deps.db
    .update(planBriefs)
    .set({ contentDraftId: generated.draftId, updatedAt: new Date() })
    .where(eq(planBriefs.id, b.id));
  await draftBrief(deps, {
    plan: input.plan,
    brief: b,
    workspace: input.workspace,
    actor: input.actor,
    rejectedBecause: null,
  });
}

async function copyTimeVariant(deps: DraftDeps, input: VariantBInput): Promise<void> {
  const { post, targets } = await postOf(deps, input.aPostId);
  const postId = await createPost(deps, {
    workspaceId: input.plan.workspaceId,
    actor: input.actor,
    post: {
      content: post.content,
      targets: targets.map((target) => ({
        accountId: target.accountId,
        override: target.override,
        settings: target.settings,
      })),
      submit: false,
      scheduledAt: input.b.slot?.toISOString() ?? null,
    },
  });
  await deps.db
    .update(planBriefs)
    .set({ postId, state: 'drafted', updatedAt: new Date() })
    .where(eq(planBriefs.id, input.b.id));
}

export async function writeVariantB(deps: DraftDeps, input: VariantBInput): Promise<void> {
  if (input.kind === 'text') await writeTextVariant(deps, input);
  else await copyTimeVariant(deps, input);
}
