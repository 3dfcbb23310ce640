/**
 * Publishes to X: uploads each part's media, then POST /2/tweets; thread parts and the first comment
 * are replies (`reply.in_reply_to_tweet_id`) to the part before. X has no idempotency key, so once
 * the first post exists a later failure is reported as Permanent (never retried into a duplicate).
 * Docs: docs.x.com/x-api/posts/create-post
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
import { xJson } from '../client.ts';
import { xSettingsSchema } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { uploadXMedia } from './upload-media.ts';

const createdSchema = z.looseObject({ data: z.looseObject({ id: z.string().min(1) }) });

type XSettings = z.infer<typeof xSettingsSchema>;

/** The public address of a post; `/i/status/` works when the username is unknown. */
export function xPostUrl(account: AccountAuth, id: string): string {
  const username = account.metadata['username'];
  return username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/status/${id}`;
}

/** Publishes the post, its thread replies and the first comment, in order. */
export async function publishToX(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const settings = readSettings('X', xSettingsSchema, request.settings);
  const [first, ...rest] = request.parts;
  const root = await publishPart(context, account, first, undefined, settings);
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
      const item = await publishPart(context, account, part, previous, settings);
      extra.push(item);
      previous = item.remoteId;
    } catch (error) {
      throw partlyPublished('X', root, extra, label, error);
    }
  }
  return { ...root, extra };
}

async function publishPart(
  context: NetworkContext,
  account: AccountAuth,
  part: PublishPart,
  replyTo: string | undefined,
  settings: XSettings,
): Promise<PublishedItem> {
  const mediaIds = await beforeCreate('Uploading the media to X failed', async () => {
    const ids: string[] = [];
    for (const media of part.media) ids.push(await uploadXMedia(context, account, media));
    return ids;
  });
  const body = {
    text: part.text,
    ...(mediaIds.length > 0 ? { media: { media_ids: mediaIds } } : {}),
    ...(replyTo === undefined ? {} : { reply: { in_reply_to_tweet_id: replyTo } }),
    ...(part.media.some((media) => media.aiGenerated) ? { made_with_ai: true } : {}),
    ...(settings.replySettings === 'everyone' ? {} : { reply_settings: settings.replySettings }),
  };
  const created = await xJson(
    context,
    account.tokens,
    '/2/tweets',
    { method: 'POST', json: body },
    createdSchema,
    'create the post',
  );
  return { remoteId: created.data.id, url: xPostUrl(account, created.data.id) };
}
