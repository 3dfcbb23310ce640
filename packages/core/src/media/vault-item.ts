/**
 * One vault item as the API shows it, read in raw SQL: the page's rows are picked first (filters, newest
 * first, limit), then each picked row gets its collections and its "used in" count, so those subqueries
 * run for the 50 rows of a page and never for the rows a filter skipped.
 */
import type { MediaApproval, MediaSource } from '@plume/contract/media/media-enums';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import type { MediaProvenance } from '@plume/db/schema/media';

export type VaultItemView = {
  id: string;
  kind: MediaKind;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fileName: string;
  altText: string | null;
  aiGenerated: boolean;
  createdAt: string;
  source: MediaSource;
  approval: MediaApproval;
  tags: string[];
  characterId: string | null;
  sha256: string;
  collections: { id: string; name: string }[];
  provenance: {
    provider: string | null;
    model: string | null;
    prompt: string | null;
    style: string | null;
    costMicros: number | null;
    templateId: string | null;
  } | null;
  usedIn: number;
  fileUrl: string;
};

/** A row as `pg` returns it (int8 as a string, timestamptz as a Date, json parsed). */
export type VaultRow = {
  id: string;
  seq: string;
  workspace_id: string;
  kind: MediaKind;
  mime_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  file_name: string;
  alt_text: string | null;
  ai_generated: boolean;
  created_at: Date;
  source: MediaSource;
  approval: MediaApproval;
  tags: string[];
  character_id: string | null;
  sha256: string;
  provenance: MediaProvenance | null;
  collections: { id: string; name: string }[];
  used_in: number;
};

/** The columns a page picks (`m` is media_assets). */
export const VAULT_COLUMNS = `m.id, m.seq, m.workspace_id, m.kind, m.mime_type, m.bytes, m.width, m.height,
  m.duration_sec, m.file_name, m.alt_text, m.ai_generated, m.created_at, m.source, m.approval, m.tags,
  m.character_id, m.sha256, m.provenance`;

/** Posts using media `m`: their content or thread parts (posts.media_ids), or a network's override. */
export const USED_BY_POSTS = `SELECT p.id FROM posts p
    WHERE p.workspace_id = m.workspace_id AND p.media_ids @> ARRAY[m.id::text]
  UNION SELECT t.post_id FROM post_targets t
    WHERE t.workspace_id = m.workspace_id AND t.media_ids @> ARRAY[m.id::text]`;

/** Wraps a query picking `VAULT_COLUMNS` rows (in `picked`) with each row's collections and usage. */
export function withItemExtras(picked: string): string {
  return `WITH picked AS (${picked})
SELECT m.*,
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.name), '[]'::json)
     FROM media_collection_items ci JOIN media_collections c ON c.id = ci.collection_id
    WHERE ci.media_id = m.id) AS collections,
  (SELECT count(*) FROM (${USED_BY_POSTS}) used)::int AS used_in
FROM picked m
ORDER BY m.seq DESC`;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function provenanceOf(provenance: MediaProvenance | null): VaultItemView['provenance'] {
  if (provenance === null) return null;
  return {
    provider: textOf(provenance.provider),
    model: textOf(provenance.model),
    prompt: textOf(provenance.prompt),
    style: textOf(provenance.style),
    costMicros: typeof provenance.costMicros === 'number' ? provenance.costMicros : null,
    templateId: textOf(provenance.templateId),
  };
}

/** The authenticated, same-origin address of a file (the web app's previews and downloads). */
export function vaultFileUrl(workspaceId: string, mediaId: string): string {
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/media/${mediaId}/file`;
}

export function toVaultItem(row: VaultRow): VaultItemView {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mime_type,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    durationSec: row.duration_sec,
    fileName: row.file_name,
    altText: row.alt_text,
    aiGenerated: row.ai_generated,
    createdAt: row.created_at.toISOString(),
    source: row.source,
    approval: row.approval,
    tags: row.tags,
    characterId: row.character_id,
    sha256: row.sha256,
    collections: row.collections,
    provenance: provenanceOf(row.provenance),
    usedIn: row.used_in,
    fileUrl: vaultFileUrl(row.workspace_id, row.id),
  };
}
