import type { HistoryPost } from './history-post.ts';
import { parseCount, parseFlag } from './parse-cells.ts';

export const GENERIC_COLUMNS = ['published_at', 'network', 'text', 'likes', 'reposts', 'replies'] as const;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** One row of the generic history format as a history post, or what is wrong with it. */
export function parseGenericRow(row: Record<string, string>): HistoryPost | string {
  const when = (row['published_at'] ?? '').trim();
  if (!ISO_WITH_OFFSET.test(when) || Number.isNaN(Date.parse(when)))
    return `published_at must be an ISO 8601 time with its offset (2026-03-01T09:30:00Z), got "${when}"`;
  const network = (row['network'] ?? '').trim().toLowerCase();
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(network))
    return `network must be a network name such as x or mastodon, got "${network}"`;
  const counts: Record<string, number> = {};
  for (const column of ['likes', 'reposts', 'replies']) {
    const value = parseCount(row[column], column);
    if (typeof value === 'string') return value;
    counts[column] = value;
  }
  const post: HistoryPost = {
    publishedAt: new Date(when),
    network,
    text: row['text'] ?? '',
    likes: counts['likes'] ?? 0,
    reposts: counts['reposts'] ?? 0,
    replies: counts['replies'] ?? 0,
  };
  const remoteId = (row['id'] ?? '').trim();
  if (remoteId.length > 500) return `id must be the post's id on its network (at most 500 characters)`;
  if (remoteId !== '') post.remoteId = remoteId;
  if ((row['impressions'] ?? '').trim() !== '') {
    const impressions = parseCount(row['impressions'], 'impressions');
    if (typeof impressions === 'string') return impressions;
    post.impressions = impressions;
  }
  for (const [column, key] of [
    ['has_media', 'hasMedia'],
    ['has_link', 'hasLink'],
    ['is_thread', 'isThread'],
  ] as const) {
    const flag = parseFlag(row[column], column);
    if (typeof flag === 'string') return flag;
    if (flag !== undefined) post[key] = flag;
  }
  return post;
}
