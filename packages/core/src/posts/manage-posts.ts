/**
 * Creating, editing and moving posts through their lifecycle. Every change runs in one transaction
 * with the post row locked: the state machine decides, effects (approval lock, jobs) follow, and the
 * post's history and the workspace audit log record who did what.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { posts, postTargets, type PostContent, type PostState } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { recordTargetPredictions } from '../insights/record-predictions.ts';
import { recordPostEvent } from '../publishing/post-events.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { applyEffects } from './apply-effects.ts';
import { canApprove, getApprovalSettings, type PostActor } from './approval-settings.ts';
import { notifyApprovalRequested } from '../notifications/notify-events.ts';
import { contentHash, needsReview } from './content-hash.ts';
import { nextState, summarizeTargets, type PostAction } from '@plume/contract/posts/post-machine';
import { checkPublishable, checkReferences, loadAccounts, throwIfInvalid, type StoredTarget } from './post-context.ts';
import { normalizeHashtags } from '@plume/contract/posts/compose-post';
import { isEmptyPost, type CreatePostInput, type UpdatePostInput } from '@plume/contract/posts/post-input';

export type PostDeps = { db: Database; runtime: NetworkRuntime };
type PostRow = typeof posts.$inferSelect;

/** Times may be up to a minute in the past ("publish now" from a slow client); earlier is a mistake. */
const PAST_TOLERANCE_MS = 60_000;

function parseTime(value: string | null | undefined, path: string): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const at = new Date(value);
  if (at.getTime() < Date.now() - PAST_TOLERANCE_MS) throw AppError.validation(path, 'This time is in the past.');
  return at;
}

const EMPTY_POST_MESSAGE = 'Write some text or add media before saving.';

function eventActor(actor: PostActor): { id: string | null; name: string | null } {
  return { id: actor.userId, name: actor.name };
}

function auditActor(actor: PostActor): AuditActor {
  return { type: actor.kind, id: actor.userId, name: actor.name };
}

export function normalizeContent(content: CreatePostInput['content']): PostContent {
  return {
    text: content.text,
    ...(content.title === undefined ? {} : { title: content.title }),
    mediaIds: content.mediaIds,
    ...(content.link === undefined ? {} : { link: content.link }),
    thread: content.thread,
    ...(content.firstComment === undefined ? {} : { firstComment: content.firstComment }),
    hashtags: normalizeHashtags(content.hashtags),
  };
}

async function replaceTargets(tx: Tx, post: PostRow, targets: readonly StoredTarget[]): Promise<void> {
  const accounts = await loadAccounts(
    tx,
    post.workspaceId,
    targets.map((target) => target.accountId),
  );
  const keep = targets.map((target) => target.accountId);
  await tx
    .delete(postTargets)
    .where(
      and(eq(postTargets.postId, post.id), keep.length === 0 ? undefined : notInArray(postTargets.accountId, keep)),
    );
  for (const target of targets) {
    const network = accounts.get(target.accountId)?.network;
    if (network === undefined) continue;
    await tx
      .insert(postTargets)
      .values({
        postId: post.id,
        workspaceId: post.workspaceId,
        accountId: target.accountId,
        network,
        override: target.override,
        settings: target.settings,
      })
      .onConflictDoUpdate({
        target: [postTargets.postId, postTargets.accountId],
        set: { override: target.override, settings: target.settings, updatedAt: new Date() },
      });
  }
}

async function storedTargets(tx: Pick<Database, 'select'>, postId: string): Promise<StoredTarget[]> {
  const rows = await tx.select().from(postTargets).where(eq(postTargets.postId, postId));
  return rows.map((row) => ({ accountId: row.accountId, override: row.override, settings: row.settings }));
}

type CreatePostCommand = { workspaceId: string; actor: PostActor; post: CreatePostInput };

export async function createPost(deps: PostDeps, input: CreatePostCommand): Promise<string> {
  return deps.db.transaction((tx) => createPostIn(deps, tx, input));
}

/** `createPost` inside the caller's transaction: the CSV import creates many posts all-or-nothing. */
export async function createPostIn(deps: PostDeps, tx: Tx, input: CreatePostCommand): Promise<string> {
  const content = normalizeContent(input.post.content);
  const targets = input.post.targets;
  if (isEmptyPost(content, targets)) throw AppError.validation('content.text', EMPTY_POST_MESSAGE);
  const scheduledAt = parseTime(input.post.scheduledAt, 'scheduledAt') ?? null;
  await checkReferences(tx, input.workspaceId, content, targets);
  const [post] = await tx
    .insert(posts)
    .values({
      workspaceId: input.workspaceId,
      content,
      scheduledAt,
      createdBy: input.actor.kind === 'user' ? input.actor.userId : null,
    })
    .returning();
  if (!post) throw new Error('post insert returned no row');
  await replaceTargets(tx, post, targets);
  await recordPostEvent(tx, { postId: post.id, actor: eventActor(input.actor), type: 'created', toState: 'draft' });
  await recordAudit(tx, input.workspaceId, auditActor(input.actor), 'post.created', 'post', post.id, {
    targets: targets.length,
  });
  if (input.post.submit) await transition(deps, tx, post, { type: 'submit' }, input.actor);
  return post.id;
}

async function lockPost(tx: Tx, workspaceId: string, postId: string): Promise<PostRow> {
  const [post] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)))
    .for('update');
  if (post === undefined) throw AppError.notFound('post');
  return post;
}

/** Edits content, targets or time. Approved content that changes goes back to review (see content-hash.ts). */
export async function updatePost(
  deps: PostDeps,
  input: { workspaceId: string; postId: string; actor: PostActor; changes: UpdatePostInput },
): Promise<void> {
  const { changes } = input;
  await deps.db.transaction(async (tx) => {
    const post = await lockPost(tx, input.workspaceId, input.postId);
    if (post.version !== changes.version) {
      throw AppError.conflict(
        `Someone changed this post since you opened it (version ${post.version}, yours ${changes.version}). Reload it.`,
      );
    }
    const content = changes.content === undefined ? post.content : normalizeContent(changes.content);
    const targets = changes.targets ?? (await storedTargets(tx, post.id));
    if (isEmptyPost(content, targets)) throw AppError.validation('content.text', EMPTY_POST_MESSAGE);
    const scheduledAt =
      changes.scheduledAt === undefined ? post.scheduledAt : (parseTime(changes.scheduledAt, 'scheduledAt') ?? null);
    await checkReferences(tx, input.workspaceId, content, targets);
    const newHash = contentHash(content, targets);
    const review = needsReview({
      approvedHash: post.approvedHash,
      newHash,
      approvedAt: post.approvedScheduledAt,
      newAt: scheduledAt,
    });
    const settings = await getApprovalSettings(tx, input.workspaceId);
    const decided = nextState(
      post.state,
      { type: 'edit', needsReview: review, timeOnly: post.approvedHash === newHash },
      {
        approvalRequired: settings.approvalMode !== 'none',
        canApprove: canApprove(settings, input.actor),
        hasTime: scheduledAt !== null,
      },
    );
    if (!decided.ok) throw new AppError('invalid_state', { detail: decided.message });
    if (decided.state === 'approved' || decided.state === 'scheduled')
      throwIfInvalid(await checkPublishable({ db: tx, runtime: deps.runtime }, input.workspaceId, content, targets));
    const [updated] = await tx
      .update(posts)
      .set({ content, scheduledAt, state: decided.state, version: post.version + 1, updatedAt: new Date() })
      .where(eq(posts.id, post.id))
      .returning();
    if (!updated) throw new Error('post update returned no row');
    if (changes.targets !== undefined) await replaceTargets(tx, updated, targets);
    const effectChanges = await applyEffects(tx, updated, decided.effects, input.actor.userId);
    if (Object.keys(effectChanges).length > 0) await tx.update(posts).set(effectChanges).where(eq(posts.id, post.id));
    await recordPostEvent(tx, {
      postId: post.id,
      actor: eventActor(input.actor),
      type: 'edited',
      fromState: post.state,
      toState: decided.state,
      detail: { fields: Object.keys(changes).filter((key) => key !== 'version'), needsReview: review },
    });
    await recordAudit(tx, input.workspaceId, auditActor(input.actor), 'post.updated', 'post', post.id, {
      state: decided.state,
    });
    if (decided.state === 'in_review' && post.state !== 'in_review')
      await askApprovers(tx, updated, updated.version, input.actor);
  });
}

export type UserAction =
  | { type: 'submit' | 'approve' | 'unschedule' | 'cancel' | 'reopen' | 'retry' | 'republish' }
  | { type: 'reject' | 'request_changes'; reason: string }
  | { type: 'schedule'; scheduledAt: string }
  | { type: 'confirm'; published: boolean; url?: string };

/** Moves a post: submit, approve, reject, request changes, schedule, unschedule, cancel, reopen, retry, confirm, republish. */
export async function actOnPost(
  deps: PostDeps,
  input: { workspaceId: string; postId: string; actor: PostActor; action: UserAction },
): Promise<PostState> {
  return deps.db.transaction(async (tx) => {
    let post = await lockPost(tx, input.workspaceId, input.postId);
    const { action } = input;
    if (action.type === 'schedule') {
      const at = parseTime(action.scheduledAt, 'scheduledAt') ?? null;
      const movedFar =
        post.approvedHash !== null &&
        needsReview({
          approvedHash: post.approvedHash,
          newHash: post.approvedHash,
          approvedAt: post.approvedScheduledAt,
          newAt: at,
        });
      [post] = (await tx.update(posts).set({ scheduledAt: at }).where(eq(posts.id, post.id)).returning()) as [PostRow];
      // More than 30 minutes from the approved time is an edit: the same lock rules as a PATCH.
      if (movedFar && (post.state === 'approved' || post.state === 'scheduled')) {
        return transition(deps, tx, post, { type: 'edit', needsReview: true, timeOnly: true }, input.actor, action);
      }
    }
    if (action.type === 'confirm') {
      if (post.state !== 'unconfirmed')
        throw new AppError('invalid_state', { detail: 'Only an unconfirmed post can be confirmed.' });
      await confirmTargets(tx, post.id, action.published, action.url);
      const states = await tx
        .select({ state: postTargets.state })
        .from(postTargets)
        .where(eq(postTargets.postId, post.id));
      return transition(
        deps,
        tx,
        post,
        { type: 'confirm', published: summarizeTargets(states.map((row) => row.state)) === 'published' },
        input.actor,
        action,
      );
    }
    return transition(deps, tx, post, { type: action.type }, input.actor, action);
  });
}

async function transition(
  deps: PostDeps,
  tx: Tx,
  post: PostRow,
  action: PostAction,
  actor: PostActor,
  userAction?: UserAction,
): Promise<PostState> {
  const settings = await getApprovalSettings(tx, post.workspaceId);
  const decided = nextState(post.state, action, {
    approvalRequired: settings.approvalMode !== 'none',
    canApprove: canApprove(settings, actor),
    hasTime: post.scheduledAt !== null,
  });
  if (!decided.ok) {
    if (decided.code === 'time_required') throw AppError.validation('scheduledAt', decided.message);
    if (decided.code === 'not_allowed') throw AppError.forbidden(decided.message);
    throw new AppError('invalid_state', { detail: decided.message });
  }
  if (['submit', 'approve', 'schedule', 'retry', 'republish'].includes(action.type)) {
    throwIfInvalid(
      await checkPublishable(
        { db: tx, runtime: deps.runtime },
        post.workspaceId,
        post.content,
        await storedTargets(tx, post.id),
      ),
    );
  }
  const reviewNote =
    userAction !== undefined && 'reason' in userAction
      ? userAction.reason
      : action.type === 'submit'
        ? null
        : post.reviewNote;
  const effectChanges = await applyEffects(tx, post, decided.effects, actor.userId);
  await tx
    .update(posts)
    .set({ state: decided.state, reviewNote, version: post.version + 1, updatedAt: new Date(), ...effectChanges })
    .where(eq(posts.id, post.id));
  // What Plume expects of each target, kept for "Predicted vs actual" on the post page.
  if (decided.state === 'scheduled' || decided.state === 'approved') await recordTargetPredictions(tx, post);
  await recordPostEvent(tx, {
    postId: post.id,
    actor: eventActor(actor),
    type: action.type,
    fromState: post.state,
    toState: decided.state,
    detail: {
      ...(reviewNote !== null && reviewNote !== post.reviewNote ? { reason: reviewNote } : {}),
      // The history says when a post was scheduled for ("Scheduled for 1 Jul, 09:00"), not only that it was.
      ...(decided.state === 'scheduled' && post.scheduledAt !== null
        ? { scheduledAt: post.scheduledAt.toISOString() }
        : {}),
    },
  });
  await recordAudit(tx, post.workspaceId, auditActor(actor), `post.${action.type}`, 'post', post.id, {
    from: post.state,
    to: decided.state,
  });
  if (decided.state === 'in_review' && post.state !== 'in_review')
    await askApprovers(tx, post, post.version + 1, actor);
  return decided.state;
}

/** A post just went to review: the people who may approve it are told (not the one who sent it). */
async function askApprovers(tx: Tx, post: PostRow, version: number, actor: PostActor): Promise<void> {
  await notifyApprovalRequested(tx, {
    workspaceId: post.workspaceId,
    postId: post.id,
    version,
    text: post.content.text,
    by: { id: actor.userId, name: actor.name },
  });
}

/** The user checked the network: unconfirmed targets become published (with the URL they found) or failed. */
async function confirmTargets(tx: Tx, postId: string, published: boolean, url: string | undefined): Promise<void> {
  const unconfirmed = await tx
    .select({ id: postTargets.id })
    .from(postTargets)
    .where(and(eq(postTargets.postId, postId), eq(postTargets.state, 'unconfirmed')));
  if (unconfirmed.length === 0) return;
  await tx
    .update(postTargets)
    .set(
      published
        ? {
            state: 'published',
            publishedAt: new Date(),
            remoteUrl: url ?? null,
            failureKind: null,
            failureReason: null,
            updatedAt: new Date(),
          }
        : {
            state: 'failed',
            failureKind: 'not_published',
            failureReason: 'Checked by a person: the network does not have this post.',
            updatedAt: new Date(),
          },
    )
    .where(
      inArray(
        postTargets.id,
        unconfirmed.map((target) => target.id),
      ),
    );
}
