import { and, desc, eq, lt } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { auditEvents } from '@plume/db/schema/audit';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';

export type AuditEventView = typeof auditEvents.$inferSelect;

/** Newest first, keyset-paginated on the identity column so deep pages stay as fast as the first. */
export async function listAuditEvents(
  db: Database,
  input: { workspaceId: string; limit: number; cursor?: string | undefined },
): Promise<Page<AuditEventView>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after !== null && !/^\d{1,18}$/.test(after)) throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, input.workspaceId), after ? lt(auditEvents.id, Number(after)) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(String(last.id)) : null };
}
