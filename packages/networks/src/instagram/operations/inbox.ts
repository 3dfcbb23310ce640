/**
 * The Instagram account's inbox: comments and replies on its media, and Instagram Messaging
 * conversations (`/{ig-user-id}/conversations?platform=instagram`, read as Messenger's are), merged
 * oldest first behind one cursor (facebook/inbox-window.ts). Webhooks bring the same items sooner.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
 */
import type { z } from 'zod';
import type { AccountAuth, NetworkContext, TokenSet } from '../../contract.ts';
import type { InboxPage } from '../../inbox-contract.ts';
import { readWatermarks, takeOldest, type Watermark } from '../../facebook/inbox-window.ts';
import { readConversationMessages } from '../../facebook/operations/inbox-messages.ts';
import { endpoint, instagramCall } from '../client.ts';
import { readInstagramComments } from './inbox-comments.ts';

const SOURCES = ['comments', 'messages'] as const;

/** An Instagram call by full URL (the shared messaging reader builds URLs). */
function instagramUrlCall<S extends z.ZodType>(
  context: NetworkContext,
  tokens: TokenSet,
  url: string,
  options: { method?: string; body?: Record<string, unknown>; schema: S; what: string },
): Promise<z.output<S>> {
  return instagramCall(context, tokens, url.slice(endpoint(context, 'graph').length), options);
}

/** Items newer than the cursor, oldest first, at most `limit`. */
export async function listInstagramInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const igUserId = account.metadata['igUserId'] ?? account.externalId;
  const watermarks = readWatermarks(options.cursor, SOURCES, context.now());
  const at = (source: (typeof SOURCES)[number]): Watermark => watermarks.get(source) ?? { sec: 0, ids: [] };
  const graph = endpoint(context, 'graph');
  const user = encodeURIComponent(igUserId);
  const comments = await readInstagramComments(context, account, at('comments'));
  const messages = await readConversationMessages(context, account, at('messages'), {
    conversationsUrl: (fields, limit) =>
      `${graph}/${user}/conversations?platform=instagram&limit=${limit}&fields=${encodeURIComponent(fields)}`,
    messagesUrl: (id, fields, limit) =>
      `${graph}/${encodeURIComponent(id)}/messages?limit=${limit}&fields=${encodeURIComponent(fields)}`,
    call: instagramUrlCall,
    network: 'Instagram',
    ownId: igUserId,
  });
  return takeOldest([...comments, ...messages], watermarks, options.limit);
}
