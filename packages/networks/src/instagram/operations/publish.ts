/**
 * Publishes to an Instagram professional account: checks the 24-hour publishing quota, prepares the
 * container (image, reel, story or carousel), publishes it with `media_publish`, then reads the
 * permalink and posts the first comment. Only `media_publish` creates the post; every step before it
 * is safe to retry.
 * https://developers.facebook.com/docs/instagram-platform/content-publishing
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishRequest, PublishResult, TokenSet } from '../../contract.ts';
import { Permanent, RateLimited } from '../../provider-errors.ts';
import { beforeCreate, instagramCall } from '../client.ts';
import { instagramSettingsSchema } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { validateInstagram } from '../validate.ts';
import { prepareContainer } from './containers.ts';
import { postFirstComment } from './first-comment.ts';
import { readPublishingQuota } from './quota.ts';
import { partlyPublished } from '../../shared/partly-published.ts';

const publishedSchema = z.looseObject({ id: z.coerce.string().min(1) });
const permalinkSchema = z.looseObject({ permalink: z.string().optional() });

/** How long to wait when the 24-hour publishing quota is used up (the window moves, so we retry hourly). */
export const QUOTA_WAIT_MS = 60 * 60_000;

/** The Instagram professional account id that publishing paths use. */
export function igUserIdOf(account: AccountAuth): string {
  return account.metadata['igUserId'] ?? account.externalId;
}

/** Creates the Instagram post, then reads its permalink and posts the first comment. */
export async function publishInstagram(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const [issue] = validateInstagram(request);
  if (issue !== undefined) throw new Permanent(issue.message);
  const settings = readSettings('Instagram', instagramSettingsSchema, request.settings);
  const igUserId = igUserIdOf(account);
  const part = request.parts[0];
  const containerId = await beforeCreate('prepare the post', async () => {
    const quota = await readPublishingQuota(context, account.tokens, igUserId);
    if (quota !== undefined && quota.usage >= quota.total) throw new RateLimited(QUOTA_WAIT_MS, 'account');
    return prepareContainer(context, account.tokens, igUserId, part.text, part.media, settings);
  });
  const { id } = await instagramCall(context, account.tokens, `/${igUserId}/media_publish`, {
    method: 'POST',
    body: { creation_id: containerId },
    schema: publishedSchema,
    what: 'publish the post',
  });
  // The post exists from here on: nothing below may fail the publish.
  const url = await permalinkOf(context, account.tokens, id);
  if (request.firstComment === undefined || request.firstComment.trim() === '') return { remoteId: id, url, extra: [] };
  try {
    return { remoteId: id, url, extra: await postFirstComment(context, account.tokens, id, url, request.firstComment) };
  } catch (error) {
    throw partlyPublished('Instagram', { remoteId: id, url }, [], 'the first comment', error);
  }
}

async function permalinkOf(context: NetworkContext, tokens: TokenSet, mediaId: string): Promise<string | null> {
  try {
    const media = await instagramCall(context, tokens, `/${mediaId}?fields=permalink`, {
      schema: permalinkSchema,
      what: 'read the post link',
    });
    return media.permalink ?? null;
  } catch {
    return null;
  }
}
