/**
 * The vault's list: every filter is one indexed condition (kind, approval and source have a
 * (workspace, value, seq) index; tags a GIN index; the text search a trigram index on the generated
 * `search_text`), newest first by `seq` with a keyset cursor, so page 2,000 costs what page 1 does.
 */
import type { MediaApproval, MediaSource } from '@plume/contract/media/media-enums';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import { decodeCursor, encodeCursor, type Page } from '../platform/cursor.ts';
import {
  toVaultItem,
  USED_BY_POSTS,
  VAULT_COLUMNS,
  withItemExtras,
  type VaultItemView,
  type VaultRow,
} from './vault-item.ts';

export type VaultFilters = {
  kind?: MediaKind | undefined;
  source?: MediaSource | undefined;
  approval?: MediaApproval | undefined;
  usage?: 'used' | 'unused' | undefined;
  characterId?: string | undefined;
  collectionId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** `LIKE` matches the words literally: `%`, `_` and `\` in what a person typed are not wildcards. */
function likeWord(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The WHERE clause and its values ($1 is the workspace). */
export function vaultWhere(workspaceId: string, filters: VaultFilters): { where: string; values: unknown[] } {
  const values: unknown[] = [workspaceId];
  const conditions = ['m.workspace_id = $1'];
  const add = (condition: (param: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(condition(`$${values.length}`));
  };
  if (filters.kind !== undefined) add((p) => `m.kind = ${p}`, filters.kind);
  if (filters.source !== undefined) add((p) => `m.source = ${p}`, filters.source);
  if (filters.approval !== undefined) add((p) => `m.approval = ${p}`, filters.approval);
  if (filters.characterId !== undefined) add((p) => `m.character_id = ${p}`, filters.characterId);
  if (filters.tag !== undefined) add((p) => `m.tags @> ARRAY[${p}::text]`, filters.tag);
  if (filters.from !== undefined) add((p) => `m.created_at >= ${p}`, filters.from);
  if (filters.to !== undefined) add((p) => `m.created_at < ${p}`, filters.to);
  if (filters.collectionId !== undefined)
    add(
      (p) => `EXISTS (SELECT 1 FROM media_collection_items ci WHERE ci.collection_id = ${p} AND ci.media_id = m.id)`,
      filters.collectionId,
    );
  for (const word of (filters.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8))
    add((p) => `m.search_text LIKE ${p}`, likeWord(word));
  if (filters.usage === 'used') conditions.push(`EXISTS (${USED_BY_POSTS})`);
  if (filters.usage === 'unused') conditions.push(`NOT EXISTS (${USED_BY_POSTS})`);
  return { where: conditions.join(' AND '), values };
}

function seqOf(cursor: string): number {
  const seq = Number(decodeCursor(cursor));
  if (!Number.isSafeInteger(seq)) throw AppError.validation('query/cursor', 'Not a cursor from this list.');
  return seq;
}

export async function listVault(
  db: Database,
  workspaceId: string,
  filters: VaultFilters,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<VaultItemView>> {
  if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to)
    throw AppError.validation('query/to', 'The end of the range must come after its start.');
  const { where, values } = vaultWhere(workspaceId, filters);
  let condition = where;
  if (page.cursor !== undefined) {
    values.push(seqOf(page.cursor));
    condition += ` AND m.seq < $${values.length}`;
  }
  values.push(page.limit + 1);
  const picked = `SELECT ${VAULT_COLUMNS} FROM media_assets m WHERE ${condition} ORDER BY m.seq DESC LIMIT $${values.length}`;
  const { rows } = await db.$client.query<VaultRow>(withItemExtras(picked), values);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(toVaultItem),
    nextCursor: rows.length > page.limit && last !== undefined ? encodeCursor(last.seq) : null,
  };
}

/** The items with these ids in the workspace (missing ids are left out), newest first. */
export async function findVaultItems(db: Database, workspaceId: string, mediaIds: string[]): Promise<VaultItemView[]> {
  const picked = `SELECT ${VAULT_COLUMNS} FROM media_assets m WHERE m.workspace_id = $1 AND m.id = ANY($2::uuid[])`;
  const { rows } = await db.$client.query<VaultRow>(withItemExtras(picked), [workspaceId, mediaIds]);
  return rows.map(toVaultItem);
}

export async function getVaultItem(db: Database, workspaceId: string, mediaId: string): Promise<VaultItemView> {
  const [item] = await findVaultItems(db, workspaceId, [mediaId]);
  if (item === undefined) throw AppError.notFound('media file');
  return item;
}
