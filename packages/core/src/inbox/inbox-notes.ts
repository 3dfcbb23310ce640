/**
 * The team's internal notes on a conversation: never sent to the network. Anyone who may change the
 * inbox writes one; only its author or a workspace admin deletes it.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { inboxNoteSchema } from '@plume/contract/inbox/inbox-schemas';
import type { Database } from '@plume/db/client';
import { inboxNotes } from '@plume/db/schema/inbox';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { findConversation } from './conversation-columns.ts';
import { notifyInboxChanged } from './inbox-live.ts';

export type NoteView = z.output<typeof inboxNoteSchema>;
type Scope = { workspaceId: string; actor: AuditActor; conversationId: string };

const noteColumns = {
  id: inboxNotes.id,
  authorId: inboxNotes.authorId,
  authorName: inboxNotes.authorName,
  text: inboxNotes.text,
  createdAt: inboxNotes.createdAt,
};

export async function addNote(db: Database, input: Scope & { text: string }): Promise<NoteView> {
  await findConversation(db, input.workspaceId, input.conversationId);
  return db.transaction(async (tx) => {
    const [note] = await tx
      .insert(inboxNotes)
      .values({
        workspaceId: input.workspaceId,
        conversationId: input.conversationId,
        authorId: input.actor.type === 'user' ? input.actor.id : null,
        authorName: input.actor.name ?? 'An API key',
        text: input.text,
      })
      .returning(noteColumns);
    if (note === undefined) throw new Error('note insert returned no row');
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      'inbox.note_added',
      'inbox_conversation',
      input.conversationId,
      {
        noteId: note.id,
      },
    );
    await notifyInboxChanged(tx, input.workspaceId, input.conversationId);
    return note;
  });
}

/** `isAdmin`: the caller is an admin (or owner) of the workspace and may delete anyone's note. */
export async function deleteNote(db: Database, input: Scope & { noteId: string; isAdmin: boolean }): Promise<void> {
  await db.transaction(async (tx) => {
    const [note] = await tx
      .select({ id: inboxNotes.id, authorId: inboxNotes.authorId })
      .from(inboxNotes)
      .where(
        and(
          eq(inboxNotes.id, input.noteId),
          eq(inboxNotes.conversationId, input.conversationId),
          eq(inboxNotes.workspaceId, input.workspaceId),
        ),
      );
    if (note === undefined) throw AppError.notFound('note');
    const isAuthor = input.actor.type === 'user' && note.authorId !== null && note.authorId === input.actor.id;
    if (!isAuthor && !input.isAdmin) throw AppError.forbidden('Only the note’s author or an admin deletes a note.');
    await tx.delete(inboxNotes).where(eq(inboxNotes.id, note.id));
    await recordAudit(
      tx,
      input.workspaceId,
      input.actor,
      'inbox.note_deleted',
      'inbox_conversation',
      input.conversationId,
      {
        noteId: note.id,
      },
    );
    await notifyInboxChanged(tx, input.workspaceId, input.conversationId);
  });
}
