/**
 * Discussion-group messages as inbox items. A channel post is forwarded automatically into the channel's
 * linked discussion group (`is_automatic_forward`, `forward_origin` = the channel post); a comment is a
 * reply to that forward; replies to comments stay in the forward's thread (`message_thread_id`). Telegram
 * shows a reply's parent one level deep only, so the cursor remembers (boundedly) which top-level comment
 * each message belongs to and which channel post each thread is.
 *
 * Docs: https://core.telegram.org/bots/api#message, https://core.telegram.org/bots/api#messageoriginchannel
 */
import { z } from 'zod';
import type { InboxItemReading } from '../../inbox-contract.ts';

const userSchema = z.looseObject({
  id: z.number(),
  first_name: z.string().default(''),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
const chatRefSchema = z.looseObject({ id: z.number(), title: z.string().optional(), username: z.string().optional() });
const baseMessage = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  chat: chatRefSchema,
  from: userSchema.optional(),
  sender_chat: chatRefSchema.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  message_thread_id: z.number().optional(),
  is_automatic_forward: z.boolean().optional(),
  forward_origin: z
    .looseObject({ type: z.string(), chat: chatRefSchema.optional(), message_id: z.number().optional() })
    .optional(),
});
export const groupMessageSchema = baseMessage.extend({ reply_to_message: baseMessage.optional() });
export type GroupMessage = z.output<typeof groupMessageSchema>;

/** Bounded memory kept in the cursor. */
export interface ThreadMemory {
  /** Discussion message id → the top-level comment id of its conversation. */
  roots: Map<number, number>;
  /** Forward (thread) id → the channel post id it forwards. */
  posts: Map<number, number>;
}

export interface AccountView {
  channelId: number;
  channelUsername: string | undefined;
  botId: number;
  web: string;
}

/** The channel post a message forwards automatically, when it is one from our channel. */
export function forwardedPost(message: z.output<typeof baseMessage>, channelId: number): number | undefined {
  if (message.is_automatic_forward !== true) return undefined;
  const origin = message.forward_origin;
  if (origin?.chat?.id !== channelId) return undefined;
  return origin.message_id;
}

const keyOf = (group: number, id: number): string => `${group}:${id}`;

/** One discussion message as an inbox item, or null when it is not in a comment thread of our channel. */
export function readingOfMessage(
  message: GroupMessage,
  view: AccountView,
  memory: ThreadMemory,
): InboxItemReading | null {
  const parent = message.reply_to_message;
  if (parent === undefined) return null;
  const group = message.chat.id;
  const parentPost = forwardedPost(parent, view.channelId);
  const thread = message.message_thread_id ?? (parentPost === undefined ? undefined : parent.message_id);
  if (parentPost !== undefined) memory.posts.set(parent.message_id, parentPost);
  const post = thread === undefined ? undefined : memory.posts.get(thread);
  if (parentPost === undefined && post === undefined && !memory.roots.has(parent.message_id)) return null;
  const root =
    parentPost !== undefined ? message.message_id : (memory.roots.get(parent.message_id) ?? parent.message_id);
  memory.roots.set(message.message_id, root);
  const from = message.from;
  const senderChat = message.sender_chat;
  const name = senderChat?.title ?? [from?.first_name, from?.last_name].filter(Boolean).join(' ');
  const handle = senderChat?.username ?? from?.username;
  const postId = parentPost ?? post;
  return {
    remoteId: keyOf(group, message.message_id),
    kind: parentPost === undefined ? 'reply' : 'comment',
    conversationKey: keyOf(group, root),
    parentRemoteId: parentPost === undefined ? keyOf(group, parent.message_id) : null,
    postRemoteId: postId === undefined ? null : String(postId),
    author: {
      id: String(senderChat?.id ?? from?.id ?? 0),
      handle: handle === undefined ? name : `@${handle}`,
      displayName: name.length > 0 ? name : 'Telegram user',
      ...(handle === undefined ? {} : { profileUrl: `${view.web}/${handle}` }),
    },
    text: message.text ?? message.caption ?? '',
    createdAt: new Date(message.date * 1000),
    url:
      view.channelUsername === undefined || postId === undefined
        ? null
        : `${view.web}/${view.channelUsername}/${postId}?comment=${message.message_id}`,
    fromAccount: from?.id === view.botId || senderChat?.id === view.channelId,
    meta: { chatId: String(group), messageId: String(message.message_id) },
  };
}
