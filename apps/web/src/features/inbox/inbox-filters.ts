/**
 * The inbox's filters live in the page's URL, so a filtered view can be shared, reloaded and gone back to.
 * Status is Open unless the URL says otherwise (`status=all` shows every status).
 */
import {
  CONVERSATION_STATUSES,
  INBOX_INTENTS,
  INBOX_KINDS,
  INBOX_PRIORITIES,
  INBOX_SENTIMENTS,
  type ConversationStatus,
  type InboxIntent,
  type InboxKind,
  type InboxPriority,
  type InboxSentiment,
} from '@plume/contract/inbox/inbox-enums';
import { NETWORK_IDS, type NetworkId } from '@plume/contract/networks/network-enums';

/** What the list shows: each field absent means "any". */
export interface InboxFilters {
  status: ConversationStatus | 'all';
  network?: NetworkId;
  accountId?: string;
  kind?: InboxKind;
  sentiment?: InboxSentiment;
  intent?: InboxIntent;
  priority?: InboxPriority;
  /** `me`, `none` (unassigned) or a member's user id. */
  assignee?: string;
  tag?: string;
  unread?: true;
  q?: string;
}

/** The page's search params: the filters plus the open conversation (`c`). */
export interface InboxSearch extends Partial<Omit<InboxFilters, 'status'>> {
  status?: ConversationStatus | 'all';
  c?: string;
}

export const DEFAULT_STATUS: ConversationStatus = 'open';

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function shortText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text.length > 0 && text.length <= max ? text : undefined;
}

function isUnread(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

/** Drops the keys whose value is undefined, so URLs stay short and equal filters compare equal. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads the URL's search params; anything unknown or malformed is dropped rather than refused.
 * @example parseInboxSearch({ status: 'done', unread: 'true', kind: 'nope' }) // { status: 'done', unread: true }
 */
export function parseInboxSearch(search: Record<string, unknown>): InboxSearch {
  const status = search.status === 'all' ? 'all' : oneOf(CONVERSATION_STATUSES, search.status);
  return compact({
    status: status === DEFAULT_STATUS ? undefined : status,
    network: oneOf(NETWORK_IDS, search.network),
    accountId: shortText(search.accountId, 64),
    kind: oneOf(INBOX_KINDS, search.kind),
    sentiment: oneOf(INBOX_SENTIMENTS, search.sentiment),
    intent: oneOf(INBOX_INTENTS, search.intent),
    priority: oneOf(INBOX_PRIORITIES, search.priority),
    assignee: shortText(search.assignee, 64),
    tag: shortText(search.tag, 40),
    unread: isUnread(search.unread) ? (true as const) : undefined,
    q: shortText(search.q, 200),
    c: shortText(search.c, 64),
  });
}

/** The filters a search describes (status Open by default). */
export function filtersOf(search: InboxSearch): InboxFilters {
  const { c: _selected, status, ...rest } = search;
  return { ...rest, status: status ?? DEFAULT_STATUS };
}

/** The search params for `filters` (the default status is left out) and the open conversation. */
export function searchOf(filters: InboxFilters, selected?: string): InboxSearch {
  const { status, ...rest } = filters;
  return compact({ ...rest, status: status === DEFAULT_STATUS ? undefined : status, c: selected });
}

/**
 * The filters with one changed; an empty string clears the field.
 * @example withFilter({ status: 'open' }, 'kind', 'comment') // { status: 'open', kind: 'comment' }
 */
export function withFilter<K extends keyof InboxFilters>(
  filters: InboxFilters,
  key: K,
  value: InboxFilters[K] | '',
): InboxFilters {
  if (key === 'status')
    return { ...filters, status: value === '' ? DEFAULT_STATUS : (value as InboxFilters['status']) };
  const next: InboxFilters = { ...filters };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** True when anything beyond the default status narrows the list. */
export function hasNarrowingFilters(filters: InboxFilters): boolean {
  const { status, ...rest } = filters;
  return status !== DEFAULT_STATUS || Object.values(rest).some((value) => value !== undefined);
}

/**
 * The list route's query string for the filters and a page.
 * @example listQueryString({ status: 'open', unread: true }, { limit: 50 }) // 'status=open&unread=true&limit=50'
 */
export function listQueryString(filters: InboxFilters, page: { limit: number; cursor?: string }): string {
  const query = new URLSearchParams();
  const { status, unread, ...rest } = filters;
  if (status !== 'all') query.set('status', status);
  for (const [key, value] of Object.entries(rest)) if (typeof value === 'string') query.set(key, value);
  if (unread) query.set('unread', 'true');
  query.set('limit', String(page.limit));
  if (page.cursor) query.set('cursor', page.cursor);
  return query.toString();
}

/**
 * The filters with one field set from a form control's raw value, checked as the URL's values are
 * (an unknown value or an empty string clears the field; an empty status means Open).
 * @example withRawFilter({ status: 'open' }, 'kind', 'review') // { status: 'open', kind: 'review' }
 */
export function withRawFilter(filters: InboxFilters, key: keyof InboxFilters, raw: string): InboxFilters {
  const search: Record<string, unknown> = { ...searchOf(filters) };
  if (raw === '') delete search[key];
  else search[key] = raw;
  return filtersOf(parseInboxSearch(search));
}
