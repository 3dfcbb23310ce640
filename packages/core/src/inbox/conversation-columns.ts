/**
 * One conversation as the inbox API shows it: the columns every query selects and the mapping to the
 * answer. A snoozed conversation whose time has passed reads as open (no job has to reopen it).
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { conversationSchema } from '@plume/contract/inbox/inbox-schemas';
import type { ConversationStatus } from '@plume/contract/inbox/inbox-enums';
import type { Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { inboxConversations as c } from '@plume/db/schema/inbox';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';

export type ConversationView = z.output<typeof conversationSchema>;

export const conversationColumns = {
  id: c.id,
  accountId: c.accountId,
  network: c.network,
  accountHandle: socialAccounts.handle,
  kind: c.kind,
  contactId: c.contactId,
  contactHandle: c.contactHandle,
  contactName: c.contactName,
  contactAvatarUrl: c.contactAvatarUrl,
  status: c.status,
  snoozedUntil: c.snoozedUntil,
  assigneeId: c.assigneeId,
  assigneeName: users.name,
  tags: c.tags,
  sentiment: c.sentiment,
  intent: c.intent,
  priority: c.priority,
  language: c.language,
  preview: c.preview,
  lastItemAt: c.lastItemAt,
  unreadCount: c.unreadCount,
  itemCount: c.itemCount,
  awaitingSince: c.awaitingSince,
};

type ConversationRow = Awaited<ReturnType<typeof selectConversations>>[number];

/** The status as the team sees it: snoozed until a time that has passed is open again. */
export function effectiveStatus(
  status: ConversationStatus,
  snoozedUntil: Date | null,
  now = new Date(),
): { status: ConversationStatus; snoozedUntil: Date | null } {
  if (status !== 'snoozed') return { status, snoozedUntil: null };
  if (snoozedUntil === null || snoozedUntil <= now) return { status: 'open', snoozedUntil: null };
  return { status, snoozedUntil };
}

/** The filter on a status the team sees (the same rule as `effectiveStatus`, in SQL). */
export function statusIs(status: ConversationStatus): SQL | undefined {
  const passed = sql`${c.snoozedUntil} IS NULL OR ${c.snoozedUntil} <= now()`;
  if (status === 'done') return eq(c.status, 'done');
  if (status === 'snoozed') return and(eq(c.status, 'snoozed'), sql`${c.snoozedUntil} > now()`);
  return or(eq(c.status, 'open'), and(eq(c.status, 'snoozed'), passed));
}

export function toConversation(row: ConversationRow, now = new Date()): ConversationView {
  const { contactId, contactHandle, contactName, contactAvatarUrl, status, snoozedUntil, ...rest } = row;
  return {
    ...rest,
    ...effectiveStatus(status, snoozedUntil, now),
    accountHandle: rest.accountHandle,
    contact: { id: contactId, handle: contactHandle, name: contactName, avatarUrl: contactAvatarUrl },
  };
}

/** The conversation with its account and assignee joined (the FROM of every conversation query). */
export function selectConversations(db: Pick<Database, 'select'>) {
  return db
    .select(conversationColumns)
    .from(c)
    .innerJoin(socialAccounts, eq(socialAccounts.id, c.accountId))
    .leftJoin(users, eq(users.id, c.assigneeId));
}

/** One conversation of the workspace; another workspace's reads as not found. */
export async function findConversation(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  conversationId: string,
): Promise<ConversationView> {
  const [row] = await selectConversations(db).where(and(eq(c.id, conversationId), eq(c.workspaceId, workspaceId)));
  if (row === undefined) throw AppError.notFound('conversation');
  return toConversation(row);
}
