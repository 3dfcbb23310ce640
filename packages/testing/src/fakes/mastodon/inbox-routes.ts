/**
 * The inbox side of the Mastodon fake, after docs.joinmastodon.org:
 * - methods/notifications#get: `types[]`, `max_id` / `since_id` / `min_id`, `limit` (default 40, at most
 *   80), newest first, a `Link` header with `next` (max_id) and `prev` (min_id); needs `read:notifications`.
 *   Ids are sequential (notifications are not snowflakes); a deleted status takes its notification away.
 * - methods/conversations#get: direct conversations ordered by their last status, paged by the last
 *   status id (`limit` default 20, at most 40), `Link` header; needs `read:statuses`.
 * - methods/statuses#context: `ancestors` (root first) and `descendants` of a status; 404 when it is gone.
 * Other people's statuses live in `inbox.others`; the account's own are the fake's `statuses`.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { hasScope, invalidToken, mastodonError, rateLimitHeaders, statusJson } from './responses.ts';
import type { MastodonFakeState } from './state.ts';

export interface MastodonFakePerson {
  id: string;
  username: string;
  /** `name` for a local account, `name@server` for a remote one. */
  acct: string;
  displayName: string;
}

export interface MastodonFakeOtherStatus {
  id: string;
  account: MastodonFakePerson;
  text: string;
  inReplyToId: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  createdAt: Date;
}

export interface MastodonFakeInbox {
  others: Map<string, MastodonFakeOtherStatus>;
  notifications: { id: string; type: string; createdAt: Date; accountId: string; statusId: string }[];
  /** Direct conversations: their id, the other participants and the statuses that started them. */
  conversations: { id: string; participants: MastodonFakePerson[]; statusIds: string[] }[];
  nextNotificationId: number;
}

export function createMastodonFakeInbox(): MastodonFakeInbox {
  return { others: new Map(), notifications: [], conversations: [], nextNotificationId: 1000 };
}

const compareIds = (a: string, b: string): number => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

function personJson(state: MastodonFakeState, person: MastodonFakePerson): Record<string, unknown> {
  const host = person.acct.includes('@') ? `https://${person.acct.split('@')[1]}` : state.origin;
  return {
    id: person.id,
    username: person.username,
    acct: person.acct,
    display_name: person.displayName,
    url: `${host}/@${person.username}`,
    avatar: `${host}/avatars/${person.username}.png`,
  };
}

/** A status of anyone, as the API shows it; undefined when it no longer exists. */
export function anyStatusJson(state: MastodonFakeState, id: string): Record<string, unknown> | undefined {
  const own = state.statuses.get(id);
  if (own !== undefined)
    return { ...statusJson(state, own), in_reply_to_account_id: accountOfStatus(state, own.inReplyToId) };
  const other = state.inbox.others.get(id);
  if (other === undefined) return undefined;
  return {
    id: other.id,
    created_at: other.createdAt.toISOString(),
    in_reply_to_id: other.inReplyToId,
    in_reply_to_account_id: accountOfStatus(state, other.inReplyToId),
    visibility: other.visibility,
    spoiler_text: '',
    sensitive: false,
    uri: `${state.origin}/users/${other.account.username}/statuses/${other.id}`,
    url: `${state.origin}/@${other.account.acct}/${other.id}`,
    content: `<p>${other.text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`,
    account: personJson(state, other.account),
    media_attachments: [],
    mentions: [],
    favourites_count: 0,
    reblogs_count: 0,
    replies_count: 0,
  };
}

function accountOfStatus(state: MastodonFakeState, id: string | null): string | null {
  if (id === null) return null;
  if (state.statuses.has(id)) return state.account.id;
  return state.inbox.others.get(id)?.account.id ?? null;
}

function parentOf(state: MastodonFakeState, id: string): string | null {
  return state.statuses.get(id)?.inReplyToId ?? state.inbox.others.get(id)?.inReplyToId ?? null;
}

function allIds(state: MastodonFakeState): string[] {
  return [...state.statuses.keys(), ...state.inbox.others.keys()];
}

/** Pages a list sorted newest first by `key`, the way Mastodon's `paginate_by_id` does. */
function paginate<T>(
  request: FakeRequest,
  items: readonly T[],
  key: (item: T) => string,
  limits: { default: number; max: number },
): { page: T[]; link: string | undefined } {
  const limit = Math.min(Number(request.query.get('limit') ?? limits.default) || limits.default, limits.max);
  const maxId = request.query.get('max_id');
  const sinceId = request.query.get('since_id');
  const minId = request.query.get('min_id');
  let list = [...items].sort((a, b) => compareIds(key(b), key(a)));
  if (maxId !== null) list = list.filter((item) => compareIds(key(item), maxId) < 0);
  if (sinceId !== null) list = list.filter((item) => compareIds(key(item), sinceId) > 0);
  // min_id: the page right after it (the oldest newer items), still shown newest first.
  const page =
    minId === null ? list.slice(0, limit) : list.filter((item) => compareIds(key(item), minId) > 0).slice(-limit);
  const first = page[0];
  const last = page.at(-1);
  if (first === undefined || last === undefined) return { page, link: undefined };
  const base = `${request.path}?limit=${limit}`;
  const link = `<${base}&max_id=${key(last)}>; rel="next", <${base}&min_id=${key(first)}>; rel="prev"`;
  return { page, link };
}

function conversationStatuses(
  state: MastodonFakeState,
  conversation: MastodonFakeInbox['conversations'][number],
): string[] {
  const inside = new Set(conversation.statusIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const id of allIds(state)) {
      const parent = parentOf(state, id);
      if (!inside.has(id) && parent !== null && inside.has(parent)) {
        inside.add(id);
        grew = true;
      }
    }
  }
  return [...inside].filter((id) => anyStatusJson(state, id) !== undefined).sort(compareIds);
}

function readable(state: MastodonFakeState, request: FakeRequest, scope: string): FakeResponse | undefined {
  if (request.bearer === undefined || !state.tokens.has(request.bearer)) return invalidToken;
  if (!hasScope(state, request, scope))
    return { status: 403, body: { error: 'This action is outside the authorized scopes' } };
  return undefined;
}

export function mastodonInboxRoutes(state: MastodonFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/notifications',
      handler: (request) => {
        const refused = readable(state, request, 'read:notifications');
        if (refused !== undefined) return refused;
        const types = request.query.getAll('types[]');
        const shown = state.inbox.notifications.filter(
          (item) =>
            (types.length === 0 || types.includes(item.type)) && anyStatusJson(state, item.statusId) !== undefined,
        );
        const { page, link } = paginate(request, shown, (item) => item.id, { default: 40, max: 80 });
        return {
          headers: { ...rateLimitHeaders(), ...(link === undefined ? {} : { link }) },
          body: page.map((item) => ({
            id: item.id,
            type: item.type,
            created_at: item.createdAt.toISOString(),
            account: (anyStatusJson(state, item.statusId) ?? {})['account'],
            status: anyStatusJson(state, item.statusId),
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/conversations',
      handler: (request) => {
        const refused = readable(state, request, 'read:statuses');
        if (refused !== undefined) return refused;
        const listed = state.inbox.conversations.flatMap((conversation) => {
          const last = conversationStatuses(state, conversation).at(-1);
          return last === undefined ? [] : [{ conversation, last }];
        });
        const { page, link } = paginate(request, listed, (item) => item.last, { default: 20, max: 40 });
        return {
          headers: { ...rateLimitHeaders(), ...(link === undefined ? {} : { link }) },
          body: page.map(({ conversation, last }) => ({
            id: conversation.id,
            unread: true,
            accounts: conversation.participants.map((person) => personJson(state, person)),
            last_status: anyStatusJson(state, last),
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/statuses/:id/context',
      handler: (request) => {
        const refused = readable(state, request, 'read:statuses');
        if (refused !== undefined) return refused;
        const id = request.params['id'] ?? '';
        if (anyStatusJson(state, id) === undefined) return mastodonError(404, 'Record not found');
        const ancestors: string[] = [];
        for (let parent = parentOf(state, id); parent !== null; parent = parentOf(state, parent))
          ancestors.unshift(parent);
        const descendants = allIds(state).filter((candidate) => {
          for (let parent = parentOf(state, candidate); parent !== null; parent = parentOf(state, parent))
            if (parent === id) return true;
          return false;
        });
        // Ancestors in thread order (root first), descendants by id, as Mastodon shows them.
        const json = (ids: string[]) => ids.flatMap((item) => anyStatusJson(state, item) ?? []);
        return {
          headers: rateLimitHeaders(),
          body: { ancestors: json(ancestors), descendants: json(descendants.sort(compareIds)) },
        };
      },
    },
  ];
}

/** Adds another account's status that mentions or answers the account, and its `mention` notification. */
export function seedMastodonMention(
  state: MastodonFakeState,
  input: Omit<MastodonFakeOtherStatus, 'id'> & { conversationId?: string },
): MastodonFakeOtherStatus {
  const status = { ...input, id: snowflakeAt(input.createdAt) };
  state.inbox.others.set(status.id, status);
  state.inbox.notifications.push({
    id: String((state.inbox.nextNotificationId += 1)),
    type: 'mention',
    createdAt: input.createdAt,
    accountId: input.account.id,
    statusId: status.id,
  });
  if (input.conversationId !== undefined) {
    const existing = state.inbox.conversations.find((conversation) => conversation.id === input.conversationId);
    if (existing === undefined)
      state.inbox.conversations.push({
        id: input.conversationId,
        participants: [input.account],
        statusIds: [status.id],
      });
    else if (input.inReplyToId === null) existing.statusIds.push(status.id);
  }
  return status;
}

let sequence = 0;
/** A Mastodon snowflake id for `at`: milliseconds shifted 16 bits, plus a sequence. */
function snowflakeAt(at: Date): string {
  sequence = (sequence + 1) % 65_536;
  return ((BigInt(at.getTime()) << 16n) + BigInt(sequence)).toString();
}
