/**
 * The inbox API's requests and answers (routes under /api/v1/workspaces/{workspaceId}/inbox; docs/inbox.md).
 * Filters are the conversation's fields, so one list query answers every combination.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { pageOf, timestamp, type Wire } from '../wire.ts';
import {
  CONVERSATION_STATUSES,
  INBOX_INTENTS,
  INBOX_KINDS,
  INBOX_PRIORITIES,
  INBOX_SENTIMENTS,
  ITEM_DIRECTIONS,
  ITEM_MODERATION_STATES,
  REPLY_ORIGINS,
  REPLY_STATES,
} from './inbox-enums.ts';

export const inboxParams = z.object({ workspaceId: workspaceIdParam });
export const conversationParams = z.object({ workspaceId: workspaceIdParam, conversationId: z.uuid() });
export const noteParams = conversationParams.extend({ noteId: z.uuid() });
export const savedReplyParams = z.object({ workspaceId: workspaceIdParam, savedReplyId: z.uuid() });

const tagSchema = z
  .string()
  .trim()
  .min(1, 'Enter a tag')
  .max(40, 'A tag has at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'A tag is letters, digits, spaces, - and _');

/** `me`: assigned to the caller; `none`: unassigned; otherwise a member's user id. */
const assigneeFilter = z.union([z.literal('me'), z.literal('none'), z.string().min(1).max(64)]);

export const conversationListQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  network: z.enum(NETWORK_IDS).optional(),
  accountId: z.uuid().optional(),
  kind: z.enum(INBOX_KINDS).optional(),
  sentiment: z.enum(INBOX_SENTIMENTS).optional(),
  intent: z.enum(INBOX_INTENTS).optional(),
  priority: z.enum(INBOX_PRIORITIES).optional(),
  assignee: assigneeFilter.optional(),
  tag: tagSchema.optional(),
  unread: z.stringbool().optional().describe('Only conversations with unread items'),
  q: z.string().trim().max(200).optional().describe('Words in the contact or the latest item'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const inboxContactSchema = z.object({
  id: z.string(),
  handle: z.string(),
  name: z.string(),
  avatarUrl: z.string().nullable(),
});

export const conversationSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  network: z.enum(NETWORK_IDS),
  accountHandle: z.string(),
  kind: z.enum(INBOX_KINDS),
  contact: inboxContactSchema,
  status: z.enum(CONVERSATION_STATUSES),
  snoozedUntil: timestamp.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  tags: z.array(z.string()),
  sentiment: z.enum(INBOX_SENTIMENTS).nullable(),
  intent: z.enum(INBOX_INTENTS).nullable(),
  priority: z.enum(INBOX_PRIORITIES).nullable(),
  language: z.string().nullable(),
  preview: z.string(),
  lastItemAt: timestamp,
  unreadCount: z.number().int(),
  itemCount: z.number().int(),
  awaitingSince: timestamp.nullable().describe('The oldest unanswered incoming item; null when answered'),
});
export const conversationPageSchema = pageOf(conversationSchema);

export const inboxItemSchema = z.object({
  id: z.string(),
  remoteId: z.string(),
  kind: z.enum(INBOX_KINDS),
  direction: z.enum(ITEM_DIRECTIONS),
  parentRemoteId: z.string().nullable(),
  author: inboxContactSchema,
  text: z.string(),
  url: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdAt: timestamp,
  receivedAt: timestamp,
  read: z.boolean(),
  moderation: z.enum(ITEM_MODERATION_STATES),
  sentiment: z.enum(INBOX_SENTIMENTS).nullable(),
  intent: z.enum(INBOX_INTENTS).nullable(),
  priority: z.enum(INBOX_PRIORITIES).nullable(),
  language: z.string().nullable(),
  /** What a person may do to this item on its network now (from the manifest and its state). */
  actions: z.array(z.enum(['reply', 'hide', 'delete'])),
});

export const inboxNoteSchema = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  createdAt: timestamp,
});

export const inboxReplySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  itemId: z.string(),
  text: z.string(),
  state: z.enum(REPLY_STATES),
  origin: z.enum(REPLY_ORIGINS),
  disclosure: z.string().nullable(),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: timestamp.nullable(),
  url: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** The published post a conversation belongs to. */
export const conversationPostSchema = z.object({
  postId: z.string(),
  targetId: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  publishedAt: timestamp.nullable(),
});

export const conversationDetailSchema = conversationSchema.extend({
  post: conversationPostSchema.nullable(),
  items: z.array(inboxItemSchema),
  notes: z.array(inboxNoteSchema),
  replies: z.array(inboxReplySchema),
});

export const updateConversationBody = z
  .object({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    snoozedUntil: timestamp.nullable().optional().describe('Required with status `snoozed`; in the future'),
    assigneeId: z.string().min(1).max(64).nullable().optional().describe('A member of the workspace, or null'),
    tags: z.array(tagSchema).max(20, 'At most 20 tags').optional(),
  })
  .strict();

export const createNoteBody = z.strictObject({
  text: z.string().trim().min(1, 'Write the note').max(5000, 'A note has at most 5,000 characters'),
});

export const savedReplySchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const savedReplyBody = z.strictObject({
  title: z.string().trim().min(1, 'Give the saved reply a title').max(80, 'A title has at most 80 characters'),
  text: z.string().trim().min(1, 'Write the reply').max(5000, 'A reply has at most 5,000 characters'),
});
export const updateSavedReplyBody = savedReplyBody.partial().strict();

/** Per connected account: what waits and how fast the team answers (last 30 days). */
export const inboxAccountStatsSchema = z.object({
  accountId: z.string(),
  network: z.enum(NETWORK_IDS),
  handle: z.string(),
  open: z.number().int(),
  unread: z.number().int(),
  answered: z.number().int().describe('Conversations answered in the last 30 days'),
  medianResponseMinutes: z.number().nullable().describe('Null until something was answered'),
  lastReadAt: timestamp.nullable().describe('When Plume last read this account’s inbox'),
  lastError: z.string().nullable(),
});
export const inboxStatsSchema = z.object({
  accounts: z.array(inboxAccountStatsSchema),
  tags: z.array(z.string()).describe('Every tag used in the workspace, for the filter'),
});

export type Conversation = Wire<typeof conversationSchema>;
export type ConversationDetail = Wire<typeof conversationDetailSchema>;
export type InboxItem = Wire<typeof inboxItemSchema>;
export type InboxReply = Wire<typeof inboxReplySchema>;
export type InboxNote = Wire<typeof inboxNoteSchema>;
export type SavedReply = Wire<typeof savedReplySchema>;
export type InboxStats = Wire<typeof inboxStatsSchema>;
export type ConversationListQuery = z.input<typeof conversationListQuery>;
