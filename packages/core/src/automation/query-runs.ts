/** A rule's run history, newest first, a page at a time. */
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { automationRuns } from '@plume/db/schema/automation';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';
import { findRule } from './manage-rules.ts';

type RunRow = typeof automationRuns.$inferSelect;
export type RunView = Omit<RunRow, 'workspaceId' | 'eventId' | 'triggerType' | 'results' | 'actionCount' | 'chain'> & {
  trigger: RunRow['triggerType'];
  actions: RunRow['results'];
  depth: number;
};

export function toRunView(row: RunRow): RunView {
  const { workspaceId, eventId, triggerType, results, actionCount, chain, ...rest } = row;
  void [workspaceId, eventId, actionCount];
  return { ...rest, trigger: triggerType, actions: results, depth: chain.length - 1 };
}

function afterCursor(cursor: string | undefined) {
  if (cursor === undefined) return undefined;
  const value = decodeCursor(cursor);
  const split = value.lastIndexOf('+');
  const at = new Date(value.slice(0, split));
  const id = value.slice(split + 1);
  if (split < 0 || Number.isNaN(at.getTime()))
    throw AppError.validation('query/cursor', 'Not a cursor this API issued');
  return or(
    lt(automationRuns.startedAt, at),
    and(eq(automationRuns.startedAt, at), sql`${automationRuns.id} < ${id}::uuid`),
  );
}

export async function listRuns(
  db: Database,
  input: { workspaceId: string; ruleId: string; limit: number; cursor?: string | undefined },
): Promise<Page<RunView>> {
  const rule = await findRule(db, input.workspaceId, input.ruleId);
  const rows = await db
    .select()
    .from(automationRuns)
    .where(and(eq(automationRuns.ruleId, rule.id), afterCursor(input.cursor)))
    .orderBy(desc(automationRuns.startedAt), desc(automationRuns.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(toRunView),
    nextCursor:
      rows.length > input.limit && last !== undefined
        ? encodeCursor(`${last.startedAt.toISOString()}+${last.id}`)
        : null,
  };
}
