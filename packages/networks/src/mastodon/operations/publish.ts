/**
 * Publishes to Mastodon: uploads each part's media, then POST /api/v1/statuses (JSON) with an
 * `Idempotency-Key`. Mastodon keeps keys for an hour and answers a repeated key with the status it
 * already created, so a retried publish never posts twice: the post uses the target's key, each
 * thread reply and the first comment a key derived from it. Replies chain with `in_reply_to_id`.
 * Docs: docs.joinmastodon.org/methods/statuses/#create
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
import { instanceUrlOf, mastodonJson } from '../client.ts';
import { mastodonSettingsSchema } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { beforeCreate } from '../../shared/before-create.ts';
import { uploadMastodonMedia } from './upload-media.ts';
import { partlyPublished } from '../../shared/partly-published.ts';

const statusSchema = z.looseObject({
  id: z.string().min(1),
  url: z.string().nullable().optional(),
  uri: z.string().optional(),
});

type MastodonSettings = z.infer<typeof mastodonSettingsSchema>;

interface PartToPost {
  part: PublishPart;
  idempotencyKey: string;
}

/** Publishes the post, its thread replies and the first comment, in order. */
export async function publishToMastodon(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const instanceUrl = instanceUrlOf(account.metadata);
  const settings = readSettings('Mastodon', mastodonSettingsSchema, request.settings);
  const key = request.idempotencyKey;
  const queue: PartToPost[] = request.parts.map((part, index) => ({
    part,
    idempotencyKey: index === 0 ? key : `${key}:part-${index + 1}`,
  }));
  const firstComment = request.firstComment?.trim();
  if (firstComment) queue.push({ part: { text: firstComment, media: [] }, idempotencyKey: `${key}:first-comment` });

  const [first, ...rest] = queue;
  if (first === undefined) throw new Error('a publish request has at least one part');
  const root = await publishPart(context, instanceUrl, account, first, undefined, settings);
  const extra: PublishedItem[] = [];
  for (const [index, item] of rest.entries()) {
    try {
      extra.push(await publishPart(context, instanceUrl, account, item, (extra.at(-1) ?? root).remoteId, settings));
    } catch (error) {
      const what = item.idempotencyKey.endsWith(':first-comment')
        ? 'the first comment'
        : `part ${index + 2} of the thread`;
      throw partlyPublished('Mastodon', root, extra, what, error);
    }
  }
  return { ...root, extra };
}

async function publishPart(
  context: NetworkContext,
  instanceUrl: string,
  account: AccountAuth,
  item: PartToPost,
  replyTo: string | undefined,
  settings: MastodonSettings,
): Promise<PublishedItem> {
  const mediaIds = await beforeCreate('Uploading the media to Mastodon failed', async () => {
    const ids: string[] = [];
    for (const media of item.part.media) ids.push(await uploadMastodonMedia(context, instanceUrl, account, media));
    return ids;
  });
  const body = {
    status: item.part.text,
    ...(mediaIds.length > 0 ? { media_ids: mediaIds } : {}),
    ...(replyTo === undefined ? {} : { in_reply_to_id: replyTo }),
    visibility: settings.visibility,
    ...(settings.spoilerText === '' ? {} : { spoiler_text: settings.spoilerText }),
    ...(settings.language === '' ? {} : { language: settings.language }),
    ...(settings.sensitive ? { sensitive: true } : {}),
  };
  const status = await mastodonJson(
    context,
    instanceUrl,
    account.tokens,
    '/api/v1/statuses',
    { method: 'POST', json: body, headers: { 'idempotency-key': item.idempotencyKey } },
    statusSchema,
    'create the post',
  );
  return { remoteId: status.id, url: status.url ?? status.uri ?? null };
}
