/**
 * The workspace's saved replies: answers the team reuses, by title (unique per workspace; a second one
 * with the same title is a 409 at `body/title`).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { savedReplySchema } from '@plume/contract/inbox/inbox-schemas';
import type { Database } from '@plume/db/client';
import { savedReplies } from '@plume/db/schema/inbox';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';

export type SavedReplyView = z.output<typeof savedReplySchema>;
type Scope = { workspaceId: string; actor: AuditActor };

const columns = {
  id: savedReplies.id,
  title: savedReplies.title,
  text: savedReplies.text,
  createdAt: savedReplies.createdAt,
  updatedAt: savedReplies.updatedAt,
};

const titleTaken = () =>
  new AppError('conflict', {
    detail: 'A saved reply with this title exists already.',
    errors: [{ path: 'body/title', message: 'A saved reply with this title exists already: choose another title' }],
  });

/** Postgres's unique violation on the title index, as a 409 at the field. */
function asTitleConflict(error: unknown): never {
  const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? error;
  const { code, constraint } = cause as { code?: string; constraint?: string };
  if (code === '23505' && constraint === 'saved_replies_title_idx') throw titleTaken();
  throw error;
}

export async function listSavedReplies(db: Pick<Database, 'select'>, workspaceId: string): Promise<SavedReplyView[]> {
  return db
    .select(columns)
    .from(savedReplies)
    .where(eq(savedReplies.workspaceId, workspaceId))
    .orderBy(asc(savedReplies.title));
}

export async function createSavedReply(
  db: Database,
  input: Scope & { title: string; text: string },
): Promise<SavedReplyView> {
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(savedReplies)
        .values({
          workspaceId: input.workspaceId,
          title: input.title,
          text: input.text,
          createdBy: input.actor.type === 'user' ? input.actor.id : null,
        })
        .returning(columns);
      if (row === undefined) throw new Error('saved reply insert returned no row');
      await recordAudit(tx, input.workspaceId, input.actor, 'inbox.saved_reply_created', 'saved_reply', row.id, {
        title: row.title,
      });
      return row;
    })
    .catch(asTitleConflict);
}

export async function updateSavedReply(
  db: Database,
  input: Scope & { savedReplyId: string; changes: { title?: string | undefined; text?: string | undefined } },
): Promise<SavedReplyView> {
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .update(savedReplies)
        .set({ ...input.changes, updatedAt: new Date() })
        .where(and(eq(savedReplies.id, input.savedReplyId), eq(savedReplies.workspaceId, input.workspaceId)))
        .returning(columns);
      if (row === undefined) throw AppError.notFound('saved reply');
      await recordAudit(tx, input.workspaceId, input.actor, 'inbox.saved_reply_updated', 'saved_reply', row.id, {
        ...input.changes,
      });
      return row;
    })
    .catch(asTitleConflict);
}

export async function deleteSavedReply(db: Database, input: Scope & { savedReplyId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(savedReplies)
      .where(and(eq(savedReplies.id, input.savedReplyId), eq(savedReplies.workspaceId, input.workspaceId)))
      .returning({ id: savedReplies.id, title: savedReplies.title });
    if (row === undefined) throw AppError.notFound('saved reply');
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.saved_reply_deleted', 'saved_reply', row.id, {
      title: row.title,
    });
  });
}
