import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { auditEvents } from '@plume/db/schema/audit';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';

export type AuditEventView = typeof auditEvents.$inferSelect;

function prepareList(db: Database) {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.workspaceId, sql.placeholder('workspaceId')), lt(auditEvents.id, sql.placeholder('before'))),
    )
    .orderBy(desc(auditEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare('list_audit_events');
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareList>>();

/** Newest first, keyset-paginated on the identity column so deep pages stay as fast as the first. */
export async function listAuditEvents(
  db: Database,
  input: { workspaceId: string; limit: number; cursor?: string | undefined },
): Promise<Page<AuditEventView>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  if (after !== null && !/^\d{1,18}$/.test(after))
    throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  let query = prepared.get(db);
  if (!query) {
    query = prepareList(db);
    prepared.set(db, query);
  }
  // The first page is "before the largest possible id", so one prepared statement serves every page.
  const before = after === null ? Number.MAX_SAFE_INTEGER : Number(after);
  const rows = await query.execute({ workspaceId: input.workspaceId, before, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(String(last.id)) : null };
}
