/** Generation jobs as the studio sees them, newest first; another workspace's job is a 404. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { GenerationKind, GenerationState } from '@plume/contract/media/media-enums';
import type { Database } from '@plume/db/client';
import { mediaGenerations } from '@plume/db/schema/media';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../../platform/cursor.ts';

export type GenerationRow = typeof mediaGenerations.$inferSelect;

export type GenerationView = Pick<
  GenerationRow,
  | 'id'
  | 'kind'
  | 'state'
  | 'progress'
  | 'request'
  | 'characterId'
  | 'variationId'
  | 'resultMediaIds'
  | 'dropped'
  | 'provider'
  | 'model'
  | 'costMicros'
  | 'error'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
>;

export function toGenerationView(row: GenerationRow): GenerationView {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: row.progress,
    request: row.request,
    characterId: row.characterId,
    variationId: row.variationId,
    resultMediaIds: row.resultMediaIds,
    dropped: row.dropped,
    provider: row.provider,
    model: row.model,
    costMicros: row.costMicros,
    error: row.error,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

export async function readGeneration(db: Database, workspaceId: string, generationId: string): Promise<GenerationView> {
  const [row] = await db
    .select()
    .from(mediaGenerations)
    .where(and(eq(mediaGenerations.workspaceId, workspaceId), eq(mediaGenerations.id, generationId)));
  if (row === undefined) throw AppError.notFound('generation');
  return toGenerationView(row);
}

/** Creation time to the millisecond (what a cursor can carry), then id: the list's order. */
const createdMs = sql`date_trunc('milliseconds', ${mediaGenerations.createdAt})`;

/** The cursor is the last item's creation time and id. */
function afterCursor(cursor: string): SQL {
  const [at, id] = decodeCursor(cursor).split('_');
  const instant = new Date(at ?? '');
  if (Number.isNaN(instant.getTime()) || id === undefined || !/^[0-9a-f-]{36}$/.test(id))
    throw AppError.validation('query/cursor', 'Not a cursor from this list.');
  return sql`(${createdMs}, ${mediaGenerations.id}) < (${instant.toISOString()}::timestamptz, ${id}::uuid)`;
}

export async function listGenerations(
  db: Database,
  workspaceId: string,
  query: {
    limit: number;
    cursor?: string | undefined;
    kind?: GenerationKind | undefined;
    state?: GenerationState | undefined;
  },
): Promise<Page<GenerationView>> {
  const conditions = [eq(mediaGenerations.workspaceId, workspaceId)];
  if (query.kind !== undefined) conditions.push(eq(mediaGenerations.kind, query.kind));
  if (query.state !== undefined) conditions.push(eq(mediaGenerations.state, query.state));
  if (query.cursor !== undefined) conditions.push(afterCursor(query.cursor));
  const rows = await db
    .select()
    .from(mediaGenerations)
    .where(and(...conditions))
    .orderBy(desc(createdMs), desc(mediaGenerations.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(toGenerationView),
    nextCursor:
      rows.length > query.limit && last !== undefined
        ? encodeCursor(`${last.createdAt.toISOString()}_${last.id}`)
        : null,
  };
}
