/**
 * Messenger conversations of the Page for the inbox: `/{page-id}/conversations?platform=messenger`,
 * most recently updated first, each with its newest messages; reading stops at the first conversation
 * not updated since the watermark, and a conversation with more new messages than one nested page
 * follows its own `messages` paging. The conversation key is the person's Page-scoped id (PSID): the
 * webhook names conversations by it too, and the Send API answers to it.
 * https://developers.facebook.com/docs/graph-api/reference/page/conversations/
 * https://developers.facebook.com/docs/graph-api/reference/conversation/messages
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading } from '../../inbox-contract.ts';
import { type graphCall } from '../client.ts';
import { graphTime, isNew, type Candidate, type Watermark } from '../inbox-window.ts';

const CONVERSATION_PAGE = 25;
const MESSAGE_PAGE = 25;
/** Bounds one read: conversation pages, and message pages per conversation. */
const MAX_PAGES = 10;

const MESSAGE_FIELDS = 'id,message,created_time,from,to';

const pagingSchema = z
  .looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() })
  .optional();

const personSchema = z.looseObject({
  id: z.coerce.string(),
  name: z.string().optional(),
  username: z.string().optional(),
});

const messageSchema = z.looseObject({
  id: z.coerce.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: personSchema.optional(),
  to: z.looseObject({ data: z.array(personSchema) }).optional(),
});

const messagesSchema = z.looseObject({ data: z.array(messageSchema), paging: pagingSchema });

const conversationsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.coerce.string(),
      updated_time: z.string().optional(),
      participants: z.looseObject({ data: z.array(personSchema) }).optional(),
      messages: messagesSchema.optional(),
    }),
  ),
  paging: pagingSchema,
});

/** What differs between Messenger and Instagram Messaging: where to read and how to name things. */
export interface MessagingSource {
  /** The conversations URL without paging (`…/conversations?platform=…&fields=…`). */
  conversationsUrl: (fields: string, limit: number) => string;
  /** A conversation's messages URL without paging. */
  messagesUrl: (conversationId: string, fields: string, limit: number) => string;
  call: typeof graphCall;
  network: string;
  /** The account's own id as messages name it (Page id, Instagram user id). */
  ownId: string;
}

/** Messages newer than the watermark, from the conversations updated since. */
export async function readConversationMessages(
  context: NetworkContext,
  account: AccountAuth,
  watermark: Watermark,
  source: MessagingSource,
): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  const fields = `participants,updated_time,messages.limit(${MESSAGE_PAGE}){${MESSAGE_FIELDS}}`;
  let url: string | undefined = source.conversationsUrl(fields, CONVERSATION_PAGE);
  for (let pageNumber = 0; pageNumber < MAX_PAGES && url !== undefined; pageNumber += 1) {
    const page: z.output<typeof conversationsSchema> = await source.call(context, account.tokens, url, {
      schema: conversationsSchema,
      what: 'read conversations',
    });
    let reachedOld = false;
    for (const conversation of page.data) {
      const updated = graphTime(conversation.updated_time);
      if (updated !== undefined && Math.floor(updated.getTime() / 1000) < watermark.sec) {
        reachedOld = true;
        break;
      }
      const person = conversation.participants?.data.find((participant) => participant.id !== source.ownId);
      const found = await newMessages(context, account, watermark, source, conversation.id, conversation.messages);
      for (const message of found) {
        const item = messageItem(message, source, conversation.id, person?.id);
        if (item !== undefined) candidates.push({ source: 'messages', item });
      }
    }
    const after = page.paging?.cursors?.after;
    url =
      reachedOld || page.paging?.next === undefined || after === undefined
        ? undefined
        : `${source.conversationsUrl(fields, CONVERSATION_PAGE)}&after=${encodeURIComponent(after)}`;
  }
  return candidates;
}

type Message = z.output<typeof messageSchema>;

/** The conversation's messages newer than the watermark (newest first, as Graph lists them). */
async function newMessages(
  context: NetworkContext,
  account: AccountAuth,
  watermark: Watermark,
  source: MessagingSource,
  conversationId: string,
  first: z.output<typeof messagesSchema> | undefined,
): Promise<Message[]> {
  const found: Message[] = [];
  let page = first;
  for (let pageNumber = 0; pageNumber < MAX_PAGES && page !== undefined; pageNumber += 1) {
    let reachedOld = false;
    for (const message of page.data) {
      const createdAt = graphTime(message.created_time);
      if (createdAt === undefined) continue;
      if (isNew(watermark, message.id, createdAt)) found.push(message);
      else if (Math.floor(createdAt.getTime() / 1000) < watermark.sec) reachedOld = true;
    }
    const after = page.paging?.cursors?.after;
    if (reachedOld || page.paging?.next === undefined || after === undefined) break;
    const url = `${source.messagesUrl(conversationId, MESSAGE_FIELDS, MESSAGE_PAGE)}&after=${encodeURIComponent(after)}`;
    page = await source.call(context, account.tokens, url, { schema: messagesSchema, what: 'read messages' });
  }
  return found;
}

/** One message as an inbox item; the conversation key is the other person's id. */
function messageItem(
  message: Message,
  source: MessagingSource,
  conversationId: string,
  personId: string | undefined,
): InboxItemReading | undefined {
  const createdAt = graphTime(message.created_time);
  if (createdAt === undefined) return undefined;
  const fromAccount = message.from?.id === source.ownId;
  const other = fromAccount ? message.to?.data.find((person) => person.id !== source.ownId)?.id : message.from?.id;
  const psid = personId ?? other ?? '';
  const name = message.from?.username ?? message.from?.name ?? `${source.network} user`;
  return {
    remoteId: message.id,
    kind: 'message',
    conversationKey: psid,
    parentRemoteId: null,
    postRemoteId: null,
    author: { id: message.from?.id ?? '', handle: name, displayName: message.from?.name ?? name },
    text: message.message ?? '',
    createdAt,
    url: null,
    fromAccount,
    meta: { recipientId: psid, conversationId },
  };
}
