/**
 * Imports an account's past performance from a CSV (FiveThirtyEight's tweet export or the generic
 * format, read by `readHistoryCsv` of @plume/insights) as measured posts of that account, so learning
 * has its history. A dry run reports what would be stored and writes nothing. A row is keyed by its
 * network id when the file gives one (FiveThirtyEight's status `url`, the generic `id`), so a later
 * backfill of the same post updates it rather than storing it twice; otherwise by
 * `import:<hash of published_at + text>`. Either way, importing the same file twice adds nothing.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { engagementRateOf, engagementsOf } from '@plume/contract/analytics/metrics';
import type { Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { AppError } from '@plume/errors/app-error';
import { HistoryCsvError, readHistoryCsv, type HistoryFormat, type HistoryPost } from '@plume/insights/index';
import { clearModelCache } from '../insights/account-models.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { getAccount } from '../social/account-store.ts';
import { featuresOfText } from './post-features.ts';
import { upsertImportedPosts, type ImportedPostRow } from './upsert-imported-posts.ts';

/** A long history fits (BarackObama.csv has 3,206 tweets); more is refused with a plain message. */
export const MAX_HISTORY_ROWS = 50_000;
/** How many rows a dry run shows as they would be stored, and how many row errors are listed. */
export const PREVIEW_ROWS = 20;
export const LISTED_ERRORS = 200;

export type ImportHistoryDeps = { db: Database; runtime: Pick<NetworkRuntime, 'provider'> };
export type ImportHistoryCommand = {
  workspaceId: string;
  accountId: string;
  csv: string;
  dryRun: boolean;
  /** Zone of FiveThirtyEight's wall-clock times; UTC when not given. */
  sourceZone?: string;
};

/** `line` is null for a problem found after reading (the post is named in the message instead). */
export type HistoryImportError = { line: number | null; message: string };
export type HistoryPreviewRow = {
  publishedAt: string;
  text: string;
  likes: number;
  reposts: number;
  replies: number;
  impressions: number | null;
  engagements: number | null;
  hasMedia: boolean;
  hasLink: boolean;
};
export type HistoryImportReport = {
  dryRun: boolean;
  format: HistoryFormat;
  /** Posts that can be stored (after leaving out bad rows and repeats of the same post). */
  valid: number;
  /** New measured posts (would be, in a dry run). */
  added: number;
  /** Posts already imported whose numbers changed (would change, in a dry run: counted with `unchanged`). */
  updated: number;
  /** Posts already there with the same numbers, or already measured by Plume itself (left alone). */
  unchanged: number;
  duplicates: number;
  errorCount: number;
  errors: HistoryImportError[];
  preview: HistoryPreviewRow[];
};

export function importedRemoteId(post: Pick<HistoryPost, 'publishedAt' | 'text'>): string {
  const digest = createHash('sha256').update(`${post.publishedAt.toISOString()}\n${post.text}`).digest('hex');
  return `import:${digest.slice(0, 32)}`;
}

function readFile(command: ImportHistoryCommand) {
  if (command.sourceZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: command.sourceZone });
    } catch {
      throw AppError.validation('sourceZone', `"${command.sourceZone}" is not a time zone (e.g. America/New_York).`);
    }
  }
  try {
    return readHistoryCsv(command.csv, { sourceZone: command.sourceZone ?? 'UTC' });
  } catch (error) {
    if (error instanceof HistoryCsvError) throw AppError.validation('csv', error.message);
    throw error;
  }
}

export async function importHistory(
  deps: ImportHistoryDeps,
  command: ImportHistoryCommand,
): Promise<HistoryImportReport> {
  const account = await getAccount(deps.db, command.workspaceId, command.accountId);
  const { format, posts, errors: readErrors } = readFile(command);
  if (posts.length + readErrors.length > MAX_HISTORY_ROWS)
    throw new AppError('payload_too_large', {
      detail: `An import takes at most ${MAX_HISTORY_ROWS.toLocaleString('en')} rows; this file has ${(posts.length + readErrors.length).toLocaleString('en')}. Split it.`,
    });
  const errors: HistoryImportError[] = [...readErrors];
  const manifest = deps.runtime.provider(account.network).manifest;
  const rows = new Map<string, ImportedPostRow>();
  let duplicates = 0;
  for (const post of posts) {
    if (post.network !== account.network && post.network !== 'unknown') {
      errors.push({
        line: null,
        message: `The post of ${post.publishedAt.toISOString()} is from ${post.network}; this account is on ${manifest.name}.`,
      });
      continue;
    }
    const remoteId = post.remoteId ?? importedRemoteId(post);
    if (rows.has(remoteId)) duplicates += 1;
    rows.set(remoteId, toRow(post, remoteId, manifest));
  }
  const stored = [...rows.values()];
  const existing = await existingIds(deps.db, account.id, stored);
  const report = {
    dryRun: command.dryRun,
    format,
    valid: stored.length,
    added: stored.length - existing,
    updated: 0,
    unchanged: existing,
    duplicates,
    errorCount: errors.length,
    errors: errors.slice(0, LISTED_ERRORS),
    preview: stored.slice(0, PREVIEW_ROWS).map(previewOf),
  };
  if (command.dryRun || stored.length === 0) return report;
  const written = await upsertImportedPosts(
    deps.db,
    { workspaceId: account.workspaceId, accountId: account.id, network: account.network },
    stored,
    new Date(),
  );
  // Learning sees the new history at once rather than when the cached models expire.
  if (written.added + written.updated > 0) clearModelCache();
  return { ...report, ...written, unchanged: stored.length - written.added - written.updated };
}

function toRow(post: HistoryPost, remoteId: string, manifest: Parameters<typeof featuresOfText>[1]): ImportedPostRow {
  const features = featuresOfText(post.text, manifest, {
    hasMedia: post.hasMedia ?? false,
    ...(post.hasLink === undefined ? {} : { hasLink: post.hasLink }),
    ...(post.isThread === undefined ? {} : { isThread: post.isThread }),
  });
  const metrics = {
    likes: post.likes,
    reposts: post.reposts,
    replies: post.replies,
    ...(post.impressions === undefined ? {} : { impressions: post.impressions }),
  };
  return {
    remote_id: remoteId,
    published_at: post.publishedAt.toISOString(),
    text: features.text,
    char_count: features.charCount,
    hashtag_count: Math.min(features.hashtagCount, 32_767),
    has_media: features.hasMedia,
    has_link: features.hasLink,
    is_thread: features.isThread,
    impressions: post.impressions ?? null,
    ...metrics,
    engagements: engagementsOf(metrics),
    engagement_rate: engagementRateOf(metrics, null),
  };
}

function previewOf(row: ImportedPostRow): HistoryPreviewRow {
  return {
    publishedAt: row.published_at,
    text: row.text,
    likes: row.likes,
    reposts: row.reposts,
    replies: row.replies,
    impressions: row.impressions,
    engagements: row.engagements,
    hasMedia: row.has_media,
    hasLink: row.has_link,
  };
}

async function existingIds(db: Database, accountId: string, rows: readonly ImportedPostRow[]): Promise<number> {
  let found = 0;
  for (let start = 0; start < rows.length; start += 1000) {
    const ids = rows.slice(start, start + 1000).map((row) => row.remote_id);
    const hits = await db
      .select({ id: measuredPosts.id })
      .from(measuredPosts)
      .where(and(eq(measuredPosts.accountId, accountId), inArray(measuredPosts.remoteId, ids)));
    found += hits.length;
  }
  return found;
}
