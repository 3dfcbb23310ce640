/**
 * Publishes one LinkedIn post with the versioned Posts API: text (little format), one image or GIF,
 * 2–20 images (MultiImage), one video, or an article link card. The post URN comes back in the
 * `x-restli-id` header of the 201 answer.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 */
import { discardBody } from '@plume/http/response-body';
import type {
  AccountAuth,
  NetworkContext,
  PublishMedia,
  PublishRequest,
  PublishResult,
  TokenSet,
} from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { MalformedResponse } from '../../shared/network-call.ts';
import { linkedinRequest, restHeaders, restUrl } from '../client.ts';
import { toLittleText } from '../little-text.ts';
import { linkedinSettingsSchema } from '../manifest.ts';
import { readSettings } from '../../shared/read-settings.ts';
import { postFirstComment } from './first-comment.ts';
import { uploadImage } from './upload-image.ts';
import { uploadVideo } from './upload-video.ts';
import { partlyPublished } from '../../shared/partly-published.ts';

type PostContent =
  | { media: { id: string; altText?: string; title?: string } }
  | { multiImage: { images: { id: string; altText?: string }[] } }
  | { article: { source: string; title: string } };

/** The URL of a post (or share) URN on linkedin.com. */
export function linkedinPostUrl(urn: string): string {
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/** The author URN of an account: the member or the organization page it posts as. */
export function authorOf(account: AccountAuth): string {
  return account.metadata['authorUrn'] ?? account.externalId;
}

/** Creates the post, then the first comment if asked. */
export async function publishLinkedIn(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const author = authorOf(account);
  const settings = readSettings('LinkedIn', linkedinSettingsSchema, request.settings);
  if (author.startsWith('urn:li:organization:') && settings.visibility !== 'PUBLIC') {
    throw new Permanent('LinkedIn pages can only post publicly; set the visibility to Public.');
  }
  const part = request.parts[0];
  const content = await buildContent(context, account.tokens, author, part.media, request);
  const link = request.link;
  const mentionsLink =
    link === undefined || part.text.includes(link) || (content !== undefined && 'article' in content);
  const text = mentionsLink ? part.text : `${part.text}\n\n${link}`.trim();
  const body = {
    author,
    commentary: toLittleText(text),
    visibility: settings.visibility,
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    ...(content === undefined ? {} : { content }),
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: settings.disableReshare,
  };
  const what = 'publish the post';
  const response = await linkedinRequest(
    context,
    restUrl(context, '/posts'),
    {
      method: 'POST',
      headers: restHeaders(account.tokens, { 'content-type': 'application/json' }),
      body: JSON.stringify(body),
    },
    what,
  );
  await discardBody(response);
  const urn = response.headers.get('x-restli-id');
  // A 2xx without the id: LinkedIn may have created the post, so the outcome is unknown.
  if (urn === null || !urn.startsWith('urn:li:'))
    throw new MalformedResponse(what, response.status, new Error('no x-restli-id header'));
  const root = { remoteId: urn, url: linkedinPostUrl(urn) };
  if (request.firstComment === undefined || request.firstComment.trim() === '') return { ...root, extra: [] };
  try {
    return { ...root, extra: await postFirstComment(context, account.tokens, author, urn, request.firstComment) };
  } catch (error) {
    throw partlyPublished('LinkedIn', root, [], 'the first comment', error);
  }
}

async function buildContent(
  context: NetworkContext,
  tokens: TokenSet,
  author: string,
  media: readonly PublishMedia[],
  request: PublishRequest,
): Promise<PostContent | undefined> {
  if (media.length === 0) {
    if (request.link === undefined) return undefined;
    // LinkedIn does not scrape link previews for API posts; the article card needs its own title.
    return { article: { source: request.link, title: request.title ?? request.link } };
  }
  const videos = media.filter((item) => item.kind === 'video');
  if (videos.length > 0) {
    const [video] = videos;
    if (media.length > 1 || video === undefined)
      throw new Permanent('A LinkedIn post can have one video, without images.');
    const id = await uploadVideo(context, tokens, author, video);
    return { media: { id, ...(request.title === undefined ? {} : { title: request.title }) } };
  }
  if (media.length > 20) throw new Permanent('A LinkedIn post can have at most 20 images.');
  const images: { id: string; altText?: string }[] = [];
  for (const item of media) {
    const id = await uploadImage(context, tokens, author, item);
    images.push({ id, ...(item.altText ? { altText: item.altText } : {}) });
  }
  const [single] = images;
  if (images.length === 1 && single !== undefined) return { media: single };
  return { multiImage: { images } };
}
