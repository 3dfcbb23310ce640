/**
 * The Page's inbox: comments and replies on its posts, and Messenger conversations, merged oldest
 * first behind one cursor (inbox-window.ts). Webhooks (meta-webhook.ts) bring the same items sooner;
 * this read is the catch-up.
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxPage } from '../../inbox-contract.ts';
import { endpoint, graphCall } from '../client.ts';
import { readWatermarks, takeOldest, type Watermark } from '../inbox-window.ts';
import { readFacebookComments } from './inbox-comments.ts';
import { readConversationMessages } from './inbox-messages.ts';

const SOURCES = ['comments', 'messages'] as const;

/** Items newer than the cursor, oldest first, at most `limit`. */
export async function listFacebookInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const watermarks = readWatermarks(options.cursor, SOURCES, context.now());
  const at = (source: (typeof SOURCES)[number]): Watermark => watermarks.get(source) ?? { sec: 0, ids: [] };
  const graph = endpoint(context, 'graph');
  const page = encodeURIComponent(pageId);
  const comments = await readFacebookComments(context, account, at('comments'), options.limit);
  const messages = await readConversationMessages(context, account, at('messages'), {
    conversationsUrl: (fields, limit) =>
      `${graph}/${page}/conversations?platform=messenger&limit=${limit}&fields=${encodeURIComponent(fields)}`,
    messagesUrl: (id, fields, limit) =>
      `${graph}/${encodeURIComponent(id)}/messages?limit=${limit}&fields=${encodeURIComponent(fields)}`,
    call: graphCall,
    network: 'Facebook',
    ownId: pageId,
  });
  return takeOldest([...comments, ...messages], watermarks, options.limit);
}
