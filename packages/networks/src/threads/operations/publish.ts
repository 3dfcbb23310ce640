/**
 * Publishes to Threads in two steps per part: prepare a container (operations/containers.ts), then
 * POST /{user-id}/threads_publish?creation_id=… — the call that creates the post. Thread parts and
 * the first comment reply to the part before (`reply_to_id`). Threads has no idempotency key, so
 * once the first post exists a later failure is reported as Permanent, never retried into a
 * duplicate. The permalink comes from GET /{media-id}?fields=permalink.
 * Docs: developers.facebook.com/docs/threads/posts, …/retrieve-and-manage-replies/create-replies
 */
import { z } from 'zod';
import type {
  AccountAuth,
  NetworkContext,
  PublishedItem,
  PublishPart,
  PublishRequest,
  PublishResult,
} from '../../contract.ts';
import { partlyPublished } from '../../shared/partly-published.ts';
import { threadsGet, threadsPost } from '../client.ts';
import { threadsSettingsSchema } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { prepareContainer } from './containers.ts';

const publishedSchema = z.looseObject({ id: z.string().min(1) });
const permalinkSchema = z.looseObject({ permalink: z.string().min(1) });

/** Publishes the post, its thread replies and the first comment, in order. */
export async function publishToThreads(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const { replyControl } = readSettings('Threads', threadsSettingsSchema, request.settings);
  const [first, ...rest] = request.parts;
  const root = await publishPart(context, account, first, { replyTo: undefined, replyControl });
  const replies: { part: PublishPart; label: string }[] = rest.map((part, index) => ({
    part,
    label: `part ${index + 2} of the thread`,
  }));
  const firstComment = request.firstComment?.trim();
  if (firstComment) replies.push({ part: { text: firstComment, media: [] }, label: 'the first comment' });

  const extra: PublishedItem[] = [];
  let previous = root.remoteId;
  for (const { part, label } of replies) {
    try {
      const item = await publishPart(context, account, part, { replyTo: previous, replyControl });
      extra.push(item);
      previous = item.remoteId;
    } catch (error) {
      throw partlyPublished('Threads', root, extra, label, error);
    }
  }
  return { ...root, extra };
}

async function publishPart(
  context: NetworkContext,
  account: AccountAuth,
  part: PublishPart,
  options: { replyTo: string | undefined; replyControl: string },
): Promise<PublishedItem> {
  const containerId = await beforeCreate('Preparing the post on Threads failed', () =>
    prepareContainer(context, account, part, options),
  );
  const published = await threadsPost(
    context,
    account.tokens.accessToken,
    `/${encodeURIComponent(account.externalId)}/threads_publish`,
    { creation_id: containerId },
    publishedSchema,
    'publish the post',
  );
  return { remoteId: published.id, url: await permalinkOf(context, account, published.id) };
}

/** The post's public address; the post already exists, so a failure here only costs the link. */
async function permalinkOf(context: NetworkContext, account: AccountAuth, mediaId: string): Promise<string | null> {
  try {
    const media = await threadsGet(
      context,
      account.tokens.accessToken,
      `/${encodeURIComponent(mediaId)}`,
      { fields: 'permalink' },
      permalinkSchema,
      'read the post link',
    );
    return media.permalink;
  } catch {
    return null;
  }
}
