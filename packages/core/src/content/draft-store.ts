/**
 * Drafts and their revisions: every generated variant, rewrite and edit is a new revision (never an
 * update), numbered per draft, so a draft's history is its revisions in `seq` order.
 */
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { RevisionSource } from '@plume/contract/content/content-enums';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database, Tx } from '@plume/db/client';
import { contentDrafts, contentRevisions } from '@plume/db/schema/content';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';
import type { Repair } from './fit-post.ts';
import type { QualityScore } from './quality-score.ts';

type Reader = Pick<Database, 'select'>;

export type DraftRow = typeof contentDrafts.$inferSelect;
export type RevisionRow = typeof contentRevisions.$inferSelect;

/**
 * What `quality` holds: the score, how the text measured against its network's limit, and what was
 * shortened, left out or is over a limit in the title and thread parts.
 */
export type StoredQuality = QualityScore & {
  count: number;
  limit: number;
  fits: boolean;
  repaired?: Repair;
  warnings?: string[];
};

export type NewRevision = {
  variant: number;
  network: NetworkId;
  text: string;
  hashtags: string[];
  title?: string | undefined;
  thread?: string[] | undefined;
  cta?: string | undefined;
  altText?: string | undefined;
  source: RevisionSource;
  parentId?: string;
  quality: StoredQuality;
  usageId: string | null;
};

export async function insertDraft(
  tx: Tx,
  input: { workspaceId: string; brief: Record<string, unknown>; createdBy: string | null },
): Promise<DraftRow> {
  const [draft] = await tx.insert(contentDrafts).values(input).returning();
  if (!draft) throw new Error('draft insert returned no row');
  return draft;
}

/** Appends revisions after the draft's last one (the caller holds the draft row lock or created it). */
export async function appendRevisions(
  tx: Tx,
  draftId: string,
  createdBy: string | null,
  revisions: readonly NewRevision[],
): Promise<RevisionRow[]> {
  const [last] = await tx
    .select({ seq: max(contentRevisions.seq) })
    .from(contentRevisions)
    .where(eq(contentRevisions.draftId, draftId));
  const start = (last?.seq ?? 0) + 1;
  const rows = await tx
    .insert(contentRevisions)
    .values(
      revisions.map((revision, index) => ({
        ...revision,
        title: revision.title ?? null,
        thread: revision.thread ?? [],
        cta: revision.cta ?? null,
        altText: revision.altText ?? null,
        draftId,
        createdBy,
        seq: start + index,
      })),
    )
    .returning();
  await tx.update(contentDrafts).set({ updatedAt: new Date() }).where(eq(contentDrafts.id, draftId));
  return rows.sort((a, b) => a.seq - b.seq);
}

/** The draft, or 404 when it does not exist in this workspace. `lock` takes the row lock (inside a transaction). */
export async function findDraft(
  db: Reader | Tx,
  workspaceId: string,
  draftId: string,
  options: { lock?: boolean } = {},
): Promise<DraftRow> {
  const query = db
    .select()
    .from(contentDrafts)
    .where(and(eq(contentDrafts.workspaceId, workspaceId), eq(contentDrafts.id, draftId)));
  const [draft] = options.lock ? await query.for('update') : await query;
  if (!draft) throw AppError.notFound('draft');
  return draft;
}

export async function listRevisions(db: Reader, draftId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(contentRevisions)
    .where(eq(contentRevisions.draftId, draftId))
    .orderBy(asc(contentRevisions.seq));
}

export async function findRevision(db: Reader, draftId: string, revisionId: string): Promise<RevisionRow> {
  const [revision] = await db
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.draftId, draftId), eq(contentRevisions.id, revisionId)));
  if (!revision) throw AppError.notFound('revision');
  return revision;
}

export type DraftSummary = DraftRow & { revisionCount: number };

/** Creation time to the millisecond, as cursors carry it (Postgres keeps microseconds). */
const createdMs = sql`date_trunc('milliseconds', ${contentDrafts.createdAt})`;

/** Newest first, keyset-paginated on (created_at in ms, id). */
export async function listDrafts(
  db: Reader,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<DraftSummary>> {
  const conditions = [eq(contentDrafts.workspaceId, workspaceId)];
  if (page.cursor !== undefined) {
    const [ms, id] = decodeCursor(page.cursor).split('_');
    const at = Number(ms);
    if (!Number.isSafeInteger(at) || !id || !/^[0-9a-f-]{36}$/.test(id))
      throw AppError.validation('query/cursor', 'Not a cursor this API issued');
    conditions.push(
      sql`(${createdMs}, ${contentDrafts.id}) < (${new Date(at).toISOString()}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      draft: contentDrafts,
      revisionCount: sql<number>`(SELECT count(*)::int FROM content_revisions r WHERE r.draft_id = content_drafts.id)`,
    })
    .from(contentDrafts)
    .where(and(...conditions))
    .orderBy(desc(createdMs), desc(contentDrafts.id))
    .limit(page.limit + 1);
  const items = rows.slice(0, page.limit).map((row) => ({ ...row.draft, revisionCount: row.revisionCount }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > page.limit && last ? encodeCursor(`${last.createdAt.getTime()}_${last.id}`) : null,
  };
}

export async function setDraftPost(db: Database, draftId: string, postId: string): Promise<void> {
  await db.update(contentDrafts).set({ postId, updatedAt: new Date() }).where(eq(contentDrafts.id, draftId));
}
