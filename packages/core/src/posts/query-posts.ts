/**
 * Reading posts: the list (calendar ranges, states, accounts; newest first with a cursor) and one
 * post with its targets, history and what still blocks publishing. Every post carries the actions the
 * caller may take on it now (asked of the state machine with the caller's role and approval rights).
 */
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { allowedActions, type CallerContext } from '@plume/contract/posts/post-actions';
import type { postEventSchema, postSchema, postTargetSchema } from '@plume/contract/posts/post-schemas';
import type { targetPredictionSchema } from '@plume/contract/insights/insight-schemas';
import type { Database } from '@plume/db/client';
import { postEvents, posts, postTargets, type PostState } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError, type FieldError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { targetComparisons } from '../insights/record-predictions.ts';
import { checkPublishable } from './post-context.ts';
import { deletionStatusOf, type DeletionStatus } from './deletion-status.ts';

export type TargetView = z.output<typeof postTargetSchema>;
export type PostView = z.output<typeof postSchema>;
export type PostEventView = z.output<typeof postEventSchema>;
export type TargetPredictionView = z.output<typeof targetPredictionSchema>;

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

async function targetsOf(db: Pick<Database, 'select'>, postIds: string[]): Promise<Map<string, TargetView[]>> {
  const byPost = new Map<string, TargetView[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .select({ target: postTargets, handle: socialAccounts.handle, name: socialAccounts.displayName })
    .from(postTargets)
    .innerJoin(socialAccounts, eq(socialAccounts.id, postTargets.accountId))
    .where(inArray(postTargets.postId, postIds))
    .orderBy(asc(postTargets.createdAt));
  for (const { target, handle, name } of rows) {
    const list = byPost.get(target.postId) ?? [];
    list.push({
      id: target.id,
      accountId: target.accountId,
      network: target.network,
      accountHandle: handle,
      accountName: name,
      state: target.state,
      remoteId: target.remoteId,
      remoteUrl: target.remoteUrl,
      failureKind: target.failureKind,
      failureReason: target.failureReason,
      attempts: target.attempts,
      nextAttemptAt: iso(target.nextAttemptAt),
      publishedAt: iso(target.publishedAt),
      override: target.override,
      settings: target.settings,
    });
    byPost.set(target.postId, list);
  }
  return byPost;
}

function toView(post: typeof posts.$inferSelect, targets: TargetView[], caller: CallerContext): PostView {
  return {
    id: post.id,
    state: post.state,
    content: post.content,
    scheduledAt: iso(post.scheduledAt),
    version: post.version,
    reviewNote: post.reviewNote,
    approvedAt: iso(post.approvedAt),
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    targets,
    actions: allowedActions({ state: post.state, hasTime: post.scheduledAt !== null }, caller),
  };
}

export type PostFilter = {
  from?: Date;
  to?: Date;
  states?: PostState[];
  accountIds?: string[];
  limit: number;
  cursor?: string;
};

/** With `from`/`to` (a calendar range) posts come in time order and all of the range at once. */
export async function listPosts(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  filter: PostFilter,
  caller: CallerContext,
): Promise<Page<PostView>> {
  const conditions: SQL[] = [eq(posts.workspaceId, workspaceId)];
  if (filter.from !== undefined) conditions.push(gte(posts.scheduledAt, filter.from));
  if (filter.to !== undefined) conditions.push(lt(posts.scheduledAt, filter.to));
  if (filter.states !== undefined && filter.states.length > 0) conditions.push(inArray(posts.state, filter.states));
  if (filter.accountIds !== undefined && filter.accountIds.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM post_targets t WHERE t.post_id = ${posts.id} AND t.account_id IN (SELECT json_array_elements_text(${JSON.stringify(filter.accountIds)}::json)::uuid))`,
    );
  }
  const range = filter.from !== undefined || filter.to !== undefined;
  if (filter.cursor !== undefined) {
    const seq = Number(decodeCursor(filter.cursor));
    if (!Number.isSafeInteger(seq)) throw AppError.validation('cursor', 'Not a cursor from this list.');
    conditions.push(range ? sql`${posts.seq} > ${seq}` : lt(posts.seq, seq));
  }
  const rows = await db
    .select()
    .from(posts)
    .where(and(...conditions))
    .orderBy(range ? asc(posts.seq) : desc(posts.seq))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const targets = await targetsOf(
    db,
    page.map((post) => post.id),
  );
  const items = page.map((post) => toView(post, targets.get(post.id) ?? [], caller));
  if (range) items.sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''));
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > filter.limit && last !== undefined ? encodeCursor(String(last.seq)) : null,
  };
}

export async function getPost(
  deps: { db: Pick<Database, 'select' | 'selectDistinctOn'>; runtime: NetworkRuntime },
  workspaceId: string,
  postId: string,
  caller: CallerContext,
): Promise<
  PostView & {
    events: PostEventView[];
    issues: FieldError[];
    predictions: TargetPredictionView[];
    deletions: DeletionStatus[];
  }
> {
  const [post] = await deps.db
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (post === undefined) throw AppError.notFound('post');
  const targets = (await targetsOf(deps.db, [post.id])).get(post.id) ?? [];
  const events = await deps.db
    .select()
    .from(postEvents)
    .where(eq(postEvents.postId, post.id))
    .orderBy(desc(postEvents.id))
    .limit(200);
  const open = ['draft', 'in_review', 'approved', 'scheduled', 'rejected'].includes(post.state);
  const issues = open ? await checkPublishable(deps, workspaceId, post.content, targets) : [];
  return {
    ...toView(post, targets, caller),
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      actorName: event.actorName,
      targetId: event.targetId,
      fromState: event.fromState,
      toState: event.toState,
      detail: event.detail,
      createdAt: event.createdAt.toISOString(),
    })),
    issues,
    deletions: await deletionStatusOf(
      deps.db,
      targets.filter((target) => target.state === 'published').map((target) => target.id),
    ),
    predictions: (
      await targetComparisons(
        deps.db,
        targets.map((target) => target.id),
      )
    ).map((item) => ({
      ...item,
      predictedAt: item.predictedAt.toISOString(),
      actualAt: iso(item.actualAt),
    })),
  };
}
