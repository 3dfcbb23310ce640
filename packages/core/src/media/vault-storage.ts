/** Storage use per workspace (bytes and items by kind and by source) and the files stored more than once. */
import type { MediaSource } from '@plume/contract/media/media-enums';
import type { MediaKind } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { toVaultItem, VAULT_COLUMNS, withItemExtras, type VaultItemView, type VaultRow } from './vault-item.ts';

export type StorageUse = {
  bytes: number;
  count: number;
  byKind: { kind: MediaKind; bytes: number; count: number }[];
  bySource: { source: MediaSource; bytes: number; count: number }[];
};

export async function storageUse(db: Database, workspaceId: string): Promise<StorageUse> {
  const { rows } = await db.$client.query<{ kind: MediaKind; source: MediaSource; bytes: string; count: number }>(
    `SELECT kind, source, sum(bytes)::bigint AS bytes, count(*)::int AS count
       FROM media_assets WHERE workspace_id = $1 GROUP BY kind, source ORDER BY kind, source`,
    [workspaceId],
  );
  const byKind = new Map<MediaKind, { bytes: number; count: number }>();
  const bySource = new Map<MediaSource, { bytes: number; count: number }>();
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    const rowBytes = Number(row.bytes);
    bytes += rowBytes;
    count += row.count;
    const kind = byKind.get(row.kind) ?? { bytes: 0, count: 0 };
    byKind.set(row.kind, { bytes: kind.bytes + rowBytes, count: kind.count + row.count });
    const source = bySource.get(row.source) ?? { bytes: 0, count: 0 };
    bySource.set(row.source, { bytes: source.bytes + rowBytes, count: source.count + row.count });
  }
  return {
    bytes,
    count,
    byKind: [...byKind].map(([kind, line]) => ({ kind, ...line })),
    bySource: [...bySource].map(([source, line]) => ({ source, ...line })),
  };
}

export type DuplicateGroup = { sha256: string; bytes: number; items: VaultItemView[] };

/** Files whose bytes are stored more than once (same SHA-256), the largest waste first, up to 50 groups. */
export async function duplicateGroups(db: Database, workspaceId: string): Promise<DuplicateGroup[]> {
  const picked = `SELECT ${VAULT_COLUMNS} FROM media_assets m WHERE m.workspace_id = $1 AND m.sha256 IN (
      SELECT sha256 FROM media_assets WHERE workspace_id = $1 GROUP BY sha256 HAVING count(*) > 1
      ORDER BY sum(bytes) - min(bytes) DESC LIMIT 50)`;
  const { rows } = await db.$client.query<VaultRow>(withItemExtras(picked), [workspaceId]);
  const groups = new Map<string, DuplicateGroup>();
  for (const row of rows) {
    const group = groups.get(row.sha256) ?? { sha256: row.sha256, bytes: row.bytes, items: [] };
    group.items.push(toVaultItem(row));
    groups.set(row.sha256, group);
  }
  return [...groups.values()].sort((a, b) => b.bytes * (b.items.length - 1) - a.bytes * (a.items.length - 1));
}
