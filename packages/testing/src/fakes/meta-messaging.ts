/**
 * Messaging as both Meta fakes serve it (Messenger for Facebook Pages, Instagram Messaging): the
 * account's conversations, most recently updated first, with nested messages newest first and their
 * own paging; a conversation's messages; and the Send API with its 24-hour window (Graph code 10 and
 * the network's subcode). Graph helpers shared by the inbox fakes live here too.
 *
 * Follows:
 * - https://developers.facebook.com/docs/graph-api/reference/page/conversations/
 * - https://developers.facebook.com/docs/messenger-platform/reference/send-api/
 * - https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { graphError } from './graph-error.ts';

export interface FakePerson {
  id: string;
  name: string;
}

export interface FakeGraphMessage {
  id: string;
  from: FakePerson;
  to: FakePerson;
  message: string;
  createdSec: number;
}

export interface FakeGraphConversation {
  id: string;
  ownerId: string;
  person: FakePerson;
  messages: FakeGraphMessage[];
}

export interface MetaMessagingState {
  conversations: Map<string, FakeGraphConversation>;
  /** Send API calls as received. */
  sent: { recipient: unknown; messagingType: unknown; message: unknown }[];
}

/** Graph's time format, `2026-12-01T10:00:00+0000`. */
export const graphTime = (sec: number): string => new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** Graph's paging with offset cursors: a slice, and `paging` with `next` while more is left. */
export function paged<T>(all: readonly T[], request: FakeRequest): { slice: T[]; paging: unknown } {
  const limit = Math.min(100, Number(request.query.get('limit') ?? '25'));
  const start = Number(request.query.get('after') ?? '0');
  const slice = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return {
    slice,
    paging: {
      cursors: { before: String(start), after: String(start + slice.length) },
      ...(more ? { next: 'https://graph.facebook.com/next-page' } : {}),
    },
  };
}

/** Graph's "does not exist" (code 100, subcode 33). */
export function missing(id: string): FakeResponse {
  return graphError(100, `(#100) Object with ID '${id}' does not exist`, 400, 'GraphMethodException', 33);
}

function messageBody(message: FakeGraphMessage, platform: string): Record<string, unknown> {
  const person = (who: FakePerson): Record<string, string> =>
    platform === 'instagram' ? { id: who.id, username: who.name } : { id: who.id, name: who.name };
  return {
    id: message.id,
    message: message.message,
    created_time: graphTime(message.createdSec),
    from: person(message.from),
    to: { data: [person(message.to)] },
  };
}

const newestFirst = (messages: readonly FakeGraphMessage[]): FakeGraphMessage[] =>
  [...messages].sort((a, b) => b.createdSec - a.createdSec);

const updatedSec = (conversation: FakeGraphConversation): number =>
  Math.max(0, ...conversation.messages.map((message) => message.createdSec));

/** Conversations, messages and the Send API for one platform. */
export function metaMessaging(options: {
  platform: 'messenger' | 'instagram';
  /** The account the token acts as, or undefined for a bad token. */
  ownerOf: (request: FakeRequest) => FakePerson | undefined;
  /** Graph's subcode for "outside the allowed window" on this platform. */
  windowSubcode: number;
}): {
  state: MetaMessagingState;
  addMessage: (input: {
    ownerId: string;
    person: FakePerson;
    id: string;
    message: string;
    createdSec: number;
    fromOwner?: boolean;
  }) => void;
  routes: FakeRoute[];
} {
  const state: MetaMessagingState = { conversations: new Map(), sent: [] };
  const badToken = (): FakeResponse => graphError(190, 'Invalid OAuth access token - Cannot parse access token');
  const body = (request: FakeRequest): Record<string, unknown> => (request.body ?? {}) as Record<string, unknown>;

  const routes: FakeRoute[] = [
    {
      method: 'GET',
      path: '/:v/:id/conversations',
      handler: (request) => {
        const owner = options.ownerOf(request);
        if (owner === undefined) return badToken();
        if (owner.id !== request.params['id']) return missing(request.params['id'] ?? '');
        if (request.query.get('platform') !== options.platform)
          return graphError(100, `(#100) platform must be ${options.platform}`, 400);
        const nested = Number(/messages\.limit\((\d+)\)/.exec(request.query.get('fields') ?? '')?.[1] ?? '25');
        const conversations = [...state.conversations.values()]
          .filter((conversation) => conversation.ownerId === owner.id)
          .sort((a, b) => updatedSec(b) - updatedSec(a));
        const { slice, paging } = paged(conversations, request);
        const data = slice.map((conversation) => {
          const messages = newestFirst(conversation.messages);
          return {
            id: conversation.id,
            updated_time: graphTime(updatedSec(conversation)),
            participants: { data: [conversation.person, owner] },
            messages: {
              data: messages.slice(0, nested).map((message) => messageBody(message, options.platform)),
              paging: {
                cursors: { after: String(nested) },
                ...(messages.length > nested ? { next: 'https://graph.facebook.com/next-page' } : {}),
              },
            },
          };
        });
        return { body: { data, paging } };
      },
    },
    {
      method: 'GET',
      path: '/:v/:id/messages',
      handler: (request) => {
        const owner = options.ownerOf(request);
        if (owner === undefined) return badToken();
        const id = request.params['id'] ?? '';
        const conversation = [...state.conversations.values()].find((c) => c.id === id && c.ownerId === owner.id);
        if (conversation === undefined) return missing(id);
        const { slice, paging } = paged(newestFirst(conversation.messages), request);
        return { body: { data: slice.map((message) => messageBody(message, options.platform)), paging } };
      },
    },
    {
      method: 'POST',
      path: '/:v/:id/messages',
      handler: (request) => {
        const owner = options.ownerOf(request);
        if (owner === undefined) return badToken();
        if (owner.id !== request.params['id']) return graphError(200, '(#200) Permissions error', 403);
        const sent = body(request);
        state.sent.push({
          recipient: sent['recipient'],
          messagingType: sent['messaging_type'],
          message: sent['message'],
        });
        const recipient = (sent['recipient'] as { id?: string } | undefined)?.id ?? '';
        const conversation = state.conversations.get(`${owner.id}:${recipient}`);
        if (conversation === undefined)
          return graphError(100, '(#100) No matching user found', 400, 'OAuthException', 2018001);
        const lastFromPerson = Math.max(
          0,
          ...conversation.messages.filter((m) => m.from.id === recipient).map((m) => m.createdSec),
        );
        const nowSec = Math.floor(Date.now() / 1000);
        if (nowSec - lastFromPerson > 24 * 3600)
          return graphError(
            10,
            '(#10) This message is sent outside of allowed window.',
            400,
            'OAuthException',
            options.windowSubcode,
          );
        const text = (sent['message'] as { text?: unknown } | undefined)?.text;
        if (typeof text !== 'string' || text === '') return graphError(100, '(#100) Message cannot be empty', 400);
        const id = `m_${conversation.messages.length + 1}_${recipient}`;
        conversation.messages.push({ id, from: owner, to: conversation.person, message: text, createdSec: nowSec });
        return { body: { recipient_id: recipient, message_id: id } };
      },
    },
  ];

  return {
    state,
    routes,
    addMessage: (input) => {
      const key = `${input.ownerId}:${input.person.id}`;
      const conversation = state.conversations.get(key) ?? {
        id: `t_${input.person.id}`,
        ownerId: input.ownerId,
        person: input.person,
        messages: [],
      };
      const owner = { id: input.ownerId, name: 'Account' };
      conversation.messages.push({
        id: input.id,
        from: input.fromOwner ? owner : input.person,
        to: input.fromOwner ? input.person : owner,
        message: input.message,
        createdSec: input.createdSec,
      });
      state.conversations.set(key, conversation);
    },
  };
}
