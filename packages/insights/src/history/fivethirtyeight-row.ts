import { fromZonedWallTime } from '../time/zoned-time.ts';
import type { HistoryPost } from './history-post.ts';
import { parseCount } from './parse-cells.ts';

export const FIVETHIRTYEIGHT_COLUMNS = ['created_at', 'text', 'replies', 'retweets', 'favorites'] as const;

/** The id at the end of a tweet's address, `https://twitter.com/BarackObama/status/920061541986250758`. */
const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/[^/]+\/status(?:es)?\/(\d{1,20})(?:[/?#]|$)/i;

const CREATED_AT = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) (\d{1,2}):(\d{2})$/;

/** `created_at` as M/D/YY H:MM (24 h clock) in `zone`, or a message. */
export function parseFiveThirtyEightTime(value: string, zone: string): Date | string {
  const match = CREATED_AT.exec(value.trim());
  if (!match) return `created_at must look like 10/16/17 22:59 (M/D/YY H:MM), got "${value}"`;
  const [month, day, year, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const fullYear = year < 100 ? 2000 + year : year;
  const probe = new Date(Date.UTC(fullYear, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCDate() !== day || hour > 23 || minute > 59)
    return `created_at "${value}" is not a real date and time`;
  return fromZonedWallTime({ year: fullYear, month, day, hour, minute }, zone);
}

/** One row of FiveThirtyEight's twitter-ratio export as a history post, or what is wrong with it. */
export function parseFiveThirtyEightRow(row: Record<string, string>, zone: string): HistoryPost | string {
  const publishedAt = parseFiveThirtyEightTime(row['created_at'] ?? '', zone);
  if (typeof publishedAt === 'string') return publishedAt;
  const likes = parseCount(row['favorites'], 'favorites');
  const reposts = parseCount(row['retweets'], 'retweets');
  const replies = parseCount(row['replies'], 'replies');
  for (const value of [likes, reposts, replies]) if (typeof value === 'string') return value;
  const post: HistoryPost = {
    publishedAt,
    network: 'x',
    text: row['text'] ?? '',
    likes: likes as number,
    reposts: reposts as number,
    replies: replies as number,
  };
  const remoteId = STATUS_URL.exec((row['url'] ?? '').trim())?.[1];
  if (remoteId !== undefined) post.remoteId = remoteId;
  return post;
}
