/**
 * What the team changes on a conversation: its status (snoozed until a future time), who it is assigned
 * to (a member of the workspace) and its tags (remembered in inbox_tags for the filter). Each change is
 * one audit event; every change and every read signals the open inbox streams.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateConversationBody } from '@plume/contract/inbox/inbox-schemas';
import type { Database, Tx } from '@plume/db/client';
import { inboxConversations as c, inboxItems, inboxTags } from '@plume/db/schema/inbox';
import { members } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { effectiveStatus, findConversation, type ConversationView } from './conversation-columns.ts';
import { notifyInboxChanged } from './inbox-live.ts';

export type ConversationChanges = z.output<typeof updateConversationBody>;
type Scope = { workspaceId: string; actor: AuditActor; conversationId: string };
type Current = Pick<typeof c.$inferSelect, 'status' | 'snoozedUntil' | 'assigneeId' | 'tags'>;

/** The new status and snooze time, or a plain-words error at the field. */
export function nextStatus(
  current: Current,
  changes: ConversationChanges,
  now = new Date(),
): Pick<Current, 'status' | 'snoozedUntil'> {
  const status = changes.status ?? effectiveStatus(current.status, current.snoozedUntil, now).status;
  if (status !== 'snoozed') {
    if (changes.snoozedUntil != null)
      throw AppError.validation('body/snoozedUntil', 'Only a snoozed conversation has a time to open again');
    return { status, snoozedUntil: null };
  }
  const until = changes.snoozedUntil === undefined ? current.snoozedUntil : changes.snoozedUntil;
  if (until === null) throw AppError.validation('body/snoozedUntil', 'Choose when the conversation opens again');
  if (until <= now) throw AppError.validation('body/snoozedUntil', 'Choose a time in the future');
  return { status, snoozedUntil: until };
}

/** Tags as given, trimmed, each once (the first spelling wins when two differ only in case). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (!seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}

async function checkAssignee(tx: Tx, workspaceId: string, assigneeId: string): Promise<void> {
  const [member] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.organizationId, workspaceId), eq(members.userId, assigneeId)));
  if (member === undefined) throw AppError.validation('body/assigneeId', 'Not a member of this workspace');
}

async function lockConversation(tx: Tx, workspaceId: string, conversationId: string): Promise<Current> {
  const [row] = await tx
    .select({ status: c.status, snoozedUntil: c.snoozedUntil, assigneeId: c.assigneeId, tags: c.tags })
    .from(c)
    .where(and(eq(c.id, conversationId), eq(c.workspaceId, workspaceId)))
    .for('update');
  if (row === undefined) throw AppError.notFound('conversation');
  return row;
}

/** The audit events of a change: one per field that really changed, each with what it was and is. */
function auditedChanges(current: Current, next: Partial<Current>): Array<[string, Record<string, unknown>]> {
  const events: Array<[string, Record<string, unknown>]> = [];
  if (next.status !== undefined && (next.status !== current.status || next.snoozedUntil !== current.snoozedUntil)) {
    const was = { status: current.status, snoozedUntil: current.snoozedUntil?.toISOString() ?? null };
    const now = { status: next.status, snoozedUntil: next.snoozedUntil?.toISOString() ?? null };
    if (JSON.stringify(was) !== JSON.stringify(now)) events.push(['inbox.status_changed', { from: was, to: now }]);
  }
  if (next.assigneeId !== undefined && next.assigneeId !== current.assigneeId)
    events.push(['inbox.assigned', { from: current.assigneeId, to: next.assigneeId }]);
  if (next.tags !== undefined && JSON.stringify(next.tags) !== JSON.stringify(current.tags))
    events.push(['inbox.tagged', { from: current.tags, to: next.tags }]);
  return events;
}

export async function updateConversation(
  db: Database,
  input: Scope & { changes: ConversationChanges },
): Promise<ConversationView> {
  const { workspaceId, conversationId, changes } = input;
  await db.transaction(async (tx) => {
    const current = await lockConversation(tx, workspaceId, conversationId);
    const next: Partial<Current> = {};
    if (changes.status !== undefined || changes.snoozedUntil !== undefined)
      Object.assign(next, nextStatus(current, changes));
    if (changes.assigneeId !== undefined) {
      if (changes.assigneeId !== null) await checkAssignee(tx, workspaceId, changes.assigneeId);
      next.assigneeId = changes.assigneeId;
    }
    if (changes.tags !== undefined) next.tags = normalizeTags(changes.tags);
    const events = auditedChanges(current, next);
    if (events.length === 0) return;
    await tx
      .update(c)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(c.id, conversationId));
    if (next.tags !== undefined && next.tags.length > 0)
      await tx
        .insert(inboxTags)
        .values(next.tags.map((name) => ({ workspaceId, name })))
        .onConflictDoNothing();
    for (const [action, data] of events)
      await recordAudit(tx, workspaceId, input.actor, action, 'inbox_conversation', conversationId, data);
    await notifyInboxChanged(tx, workspaceId, conversationId);
  });
  return findConversation(db, workspaceId, conversationId);
}

/** Marks every incoming item read (keeping earlier read times); the conversation's unread count is 0. */
export async function markConversationRead(
  db: Database,
  input: { workspaceId: string; conversationId: string },
): Promise<ConversationView> {
  const { workspaceId, conversationId } = input;
  await db.transaction(async (tx) => {
    await lockConversation(tx, workspaceId, conversationId);
    const marked = await tx
      .update(inboxItems)
      .set({ readAt: sql`now()` })
      .where(and(eq(inboxItems.conversationId, conversationId), isNull(inboxItems.readAt)))
      .returning({ id: inboxItems.id });
    const [changed] = await tx
      .update(c)
      .set({ unreadCount: 0 })
      .where(and(eq(c.id, conversationId), sql`${c.unreadCount} <> 0`))
      .returning({ id: c.id });
    if (marked.length > 0 || changed !== undefined) await notifyInboxChanged(tx, workspaceId, conversationId);
  });
  return findConversation(db, workspaceId, conversationId);
}
