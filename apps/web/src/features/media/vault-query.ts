import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  MEDIA_APPROVALS,
  MEDIA_SOURCES,
  type MediaApproval,
  type MediaSource,
} from '@plume/contract/media/media-enums';
import {
  collectionSchema,
  storageUseSchema,
  vaultItemDetailSchema,
  MEDIA_USAGES,
} from '@plume/contract/media/vault-schemas';
import { vaultItemSchema } from '@plume/contract/media/vault-schemas';
import { pageOf } from '@plume/contract/wire';
import { itemsOf } from '@plume/contract/wire';
import { MEDIA_KINDS, type MediaKind } from '@plume/contract/networks/network-enums';
import { api } from '../../lib/api.ts';
import { zonedInputToIso } from '../posts/schedule-time.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** The vault's filters as the page's URL holds them (days are the workspace's calendar days, `YYYY-MM-DD`). */
export type VaultSearch = {
  kind?: MediaKind;
  source?: MediaSource;
  approval?: MediaApproval;
  usage?: 'used' | 'unused';
  tag?: string;
  q?: string;
  collectionId?: string;
  from?: string;
  to?: string;
  view?: 'grid' | 'list';
};

const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  list.find((item) => item === value);
const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
const day = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

/** Reads the URL's search into filters, dropping anything that is not one (a hand-edited URL never breaks the page). */
export function parseVaultSearch(search: Record<string, unknown>): VaultSearch {
  const parsed: VaultSearch = {
    kind: pick(MEDIA_KINDS, search.kind),
    source: pick(MEDIA_SOURCES, search.source),
    approval: pick(MEDIA_APPROVALS, search.approval),
    usage: pick(MEDIA_USAGES, search.usage),
    tag: text(search.tag, 40)?.toLowerCase(),
    q: text(search.q, 200),
    collectionId:
      typeof search.collectionId === 'string' && /^[0-9a-f-]{36}$/.test(search.collectionId)
        ? search.collectionId
        : undefined,
    from: day(search.from),
    to: day(search.to),
    view: pick(['grid', 'list'] as const, search.view),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
}

function nextDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The list's query string: the filters, with days turned into the workspace's midnight instants. */
export function vaultQueryString(search: VaultSearch, timeZone: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const key of ['kind', 'source', 'approval', 'usage', 'tag', 'q', 'collectionId'] as const) {
    const value = search[key];
    if (value !== undefined) params.set(key, value);
  }
  const from = search.from === undefined ? null : zonedInputToIso(`${search.from}T00:00`, timeZone);
  const to = search.to === undefined ? null : zonedInputToIso(`${nextDay(search.to)}T00:00`, timeZone);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return params.toString();
}

export function mediaPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/media`;
}

export function vaultKey(workspaceId: string): readonly unknown[] {
  return ['workspaces', workspaceId, 'media'];
}

/** Pages of the vault, 48 at a time, with "Load more" following the cursor. */
export function vaultQueryOptions(workspaceId: string, search: VaultSearch, timeZone: string) {
  const query = vaultQueryString(search, timeZone, { limit: '48' });
  return infiniteQueryOptions({
    queryKey: [...vaultKey(workspaceId), 'list', query],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get(`${mediaPath(workspaceId)}?${query}${pageParam ? `&cursor=${pageParam}` : ''}`, pageOf(vaultItemSchema)),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function vaultItemQueryOptions(workspaceId: string, mediaId: string) {
  return queryOptions({
    queryKey: [...vaultKey(workspaceId), 'item', mediaId],
    queryFn: () => api.get(`${mediaPath(workspaceId)}/${mediaId}`, vaultItemDetailSchema),
  });
}

export function storageQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...vaultKey(workspaceId), 'storage'],
    queryFn: () => api.get(`${mediaPath(workspaceId)}/storage`, storageUseSchema),
  });
}

export function collectionsPath(workspaceId: string): string {
  return `${workspacePath(workspaceId)}/media-collections`;
}

export function collectionsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...vaultKey(workspaceId), 'collections'],
    queryFn: () => api.get(collectionsPath(workspaceId), itemsOf(collectionSchema)),
  });
}

/** 1,234,567 bytes → "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
