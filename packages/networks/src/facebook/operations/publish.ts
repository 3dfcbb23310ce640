/**
 * Publishes to a Facebook Page as the Page: text and link posts on `/{page-id}/feed`, one photo on
 * `/{page-id}/photos` (Facebook fetches `url`), several photos uploaded unpublished then attached to
 * one feed post, and a video on `/{page-id}/videos` from `file_url`.
 * https://developers.facebook.com/docs/pages-api/posts
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/
 * https://developers.facebook.com/docs/video-api/guides/publishing
 */
import { z } from 'zod';
import type {
  AccountAuth,
  NetworkContext,
  PublishMedia,
  PublishRequest,
  PublishResult,
  TokenSet,
} from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { beforeCreate, endpoint, graphCall } from '../client.ts';
import { postFirstComment } from './first-comment.ts';
import { partlyPublished } from '../../shared/partly-published.ts';

const createdSchema = z.looseObject({ id: z.coerce.string().min(1), post_id: z.coerce.string().optional() });

/** The public URL of a Page post or video id. */
export function facebookPostUrl(id: string): string {
  return `https://www.facebook.com/${id}`;
}

/** Creates the Page post, then the first comment if asked. */
export async function publishFacebook(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const part = request.parts[0];
  const remoteId = await createPost(context, account.tokens, pageId, part.text, part.media, request);
  const root = { remoteId, url: facebookPostUrl(remoteId) };
  if (request.firstComment === undefined || request.firstComment.trim() === '') return { ...root, extra: [] };
  try {
    return { ...root, extra: await postFirstComment(context, account.tokens, remoteId, request.firstComment) };
  } catch (error) {
    throw partlyPublished('Facebook', root, [], 'the first comment', error);
  }
}

async function createPost(
  context: NetworkContext,
  tokens: TokenSet,
  pageId: string,
  text: string,
  media: readonly PublishMedia[],
  request: PublishRequest,
): Promise<string> {
  const graph = endpoint(context, 'graph');
  const what = 'publish the post';
  if (media.length === 0) {
    const body = { message: text, ...(request.link === undefined ? {} : { link: request.link }) };
    const created = await graphCall(context, tokens, `${graph}/${pageId}/feed`, {
      method: 'POST',
      body,
      schema: createdSchema,
      what,
    });
    return created.id;
  }
  // Photo and video posts have no link card; keep the link in the text.
  const message =
    request.link === undefined || text.includes(request.link) ? text : `${text}\n\n${request.link}`.trim();
  const [first] = media;
  if (first?.kind === 'video') {
    if (media.length > 1) throw new Permanent('A Facebook post can have one video, without photos.');
    const body = {
      file_url: first.publicUrl,
      description: message,
      ...(request.title === undefined ? {} : { title: request.title }),
    };
    const created = await graphCall(context, tokens, `${endpoint(context, 'video')}/${pageId}/videos`, {
      method: 'POST',
      body,
      schema: createdSchema,
      what,
    });
    return created.id;
  }
  if (media.some((item) => item.kind === 'video'))
    throw new Permanent('A Facebook post can have one video, without photos.');
  if (media.length === 1 && first !== undefined) {
    const body = { url: first.publicUrl, message, ...altText(first) };
    const created = await graphCall(context, tokens, `${graph}/${pageId}/photos`, {
      method: 'POST',
      body,
      schema: createdSchema,
      what,
    });
    return created.post_id ?? created.id;
  }
  const attached: { media_fbid: string }[] = [];
  for (const item of media) {
    const photo = await beforeCreate('upload a photo', () =>
      graphCall(context, tokens, `${graph}/${pageId}/photos`, {
        method: 'POST',
        body: { url: item.publicUrl, published: false, ...altText(item) },
        schema: createdSchema,
        what: 'upload a photo',
      }),
    );
    attached.push({ media_fbid: photo.id });
  }
  const created = await graphCall(context, tokens, `${graph}/${pageId}/feed`, {
    method: 'POST',
    body: { message, attached_media: attached },
    schema: createdSchema,
    what,
  });
  return created.id;
}

function altText(media: PublishMedia): { alt_text_custom?: string } {
  return media.altText ? { alt_text_custom: media.altText } : {};
}
