/**
 * The Threads API v1.0 endpoints the adapter uses (developers.facebook.com/docs/threads/posts,
 * …/reference/publishing, …/troubleshooting, …/posts/delete-posts, …/threads-profiles): profile,
 * media containers (TEXT/IMAGE/VIDEO/CAROUSEL, replies), container status, threads_publish,
 * permalink lookup and delete. Errors are Graph API bodies with HTTP 400.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { graphError, invalidToken, isAuthorized, paramsOf } from './responses.ts';
import type { ThreadsFakeContainer, ThreadsFakeState } from './state.ts';
import { THREADS_MAX_TEXT, threadsTextLength } from './text-length.ts';

const MEDIA_TYPES = new Set(['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL']);
const usageHeaders = { 'x-app-usage': JSON.stringify({ call_count: 1, total_cputime: 1, total_time: 1 }) };

function invalidParameter(userMessage: string): FakeResponse {
  return graphError(100, 'Invalid parameter', { subcode: 4279009, userMessage });
}

function createContainer(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  if (request.params['userId'] !== state.user.id && request.params['userId'] !== 'me')
    return graphError(100, 'Unsupported post request.', { subcode: 33 });
  const params = paramsOf(request);
  const mediaType = params['media_type'] ?? '';
  if (!MEDIA_TYPES.has(mediaType)) return invalidParameter('media_type must be TEXT, IMAGE, VIDEO or CAROUSEL.');
  const text = params['text'];
  if (mediaType === 'TEXT' && !text) return invalidParameter('A text post needs text.');
  if (text !== undefined && threadsTextLength(text) > THREADS_MAX_TEXT)
    return invalidParameter(`The text is too long. It can have at most ${THREADS_MAX_TEXT} characters.`);
  if (mediaType === 'IMAGE' && !params['image_url']) return invalidParameter('image_url is required for IMAGE.');
  if (mediaType === 'VIDEO' && !params['video_url']) return invalidParameter('video_url is required for VIDEO.');
  const children = params['children']?.split(',').filter(Boolean) ?? [];
  if (mediaType === 'CAROUSEL') {
    if (children.length < 2 || children.length > 20) return invalidParameter('A carousel needs 2 to 20 children.');
    const notReady = children.find(
      (id) => state.containers.get(id)?.isCarouselItem !== true || state.containers.get(id)?.status !== 'FINISHED',
    );
    if (notReady !== undefined) return invalidParameter(`Carousel item ${notReady} is not a finished carousel item.`);
  }
  const replyToId = params['reply_to_id'];
  if (replyToId !== undefined && !state.posts.has(replyToId) && !state.replies.has(replyToId))
    return graphError(100, 'The post you are replying to does not exist.', { subcode: 33 });
  const video = mediaType === 'VIDEO';
  const container: ThreadsFakeContainer = {
    id: state.nextId(),
    mediaType: mediaType as ThreadsFakeContainer['mediaType'],
    text,
    imageUrl: params['image_url'],
    videoUrl: params['video_url'],
    altText: params['alt_text'],
    children,
    isCarouselItem: params['is_carousel_item'] === 'true',
    replyToId,
    replyControl: params['reply_control'],
    status: video && (state.videoProcessingPolls > 0 || state.videoError !== undefined) ? 'IN_PROGRESS' : 'FINISHED',
    errorMessage: undefined,
    pollsLeft: video ? state.videoProcessingPolls : 0,
  };
  state.containers.set(container.id, container);
  return { status: 200, headers: usageHeaders, body: { id: container.id } };
}

function publish(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  const container = state.containers.get(paramsOf(request)['creation_id'] ?? '');
  if (container === undefined || container.isCarouselItem)
    return graphError(24, 'The requested resource does not exist', { subcode: 4279009 });
  if (container.status !== 'FINISHED')
    return graphError(9007, 'Media ID is not available', {
      subcode: 2207027,
      userMessage: 'The media is not ready for publishing, please wait for a moment',
    });
  container.status = 'PUBLISHED';
  const id = state.nextId();
  state.posts.set(id, {
    id,
    containerId: container.id,
    shortcode: `C${id.slice(-8)}`,
    timestamp: new Date().toISOString(),
  });
  return { status: 200, headers: usageHeaders, body: { id } };
}

function read(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  const id = request.params['id'] ?? '';
  const container = state.containers.get(id);
  if (container !== undefined) {
    if (container.status === 'IN_PROGRESS') {
      if (container.pollsLeft > 0) container.pollsLeft -= 1;
      else {
        container.status = state.videoError === undefined ? 'FINISHED' : 'ERROR';
        container.errorMessage = state.videoError;
      }
    }
    return {
      status: 200,
      body: {
        id,
        status: container.status,
        ...(container.errorMessage === undefined ? {} : { error_message: container.errorMessage }),
      },
    };
  }
  const post = state.posts.get(id);
  if (post === undefined)
    return graphError(
      100,
      `Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { subcode: 33 },
    );
  return {
    status: 200,
    body: { id, permalink: `https://www.threads.net/@${state.user.username}/post/${post.shortcode}` },
  };
}

function remove(state: ThreadsFakeState, request: FakeRequest): FakeResponse {
  if (!isAuthorized(state, request)) return invalidToken;
  const id = request.params['id'] ?? '';
  if (!state.posts.delete(id))
    return graphError(
      100,
      `Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { subcode: 33 },
    );
  return { status: 200, body: { success: true, deleted_id: id } };
}

/** Routes of the Threads API (v1.0) used for profiles and publishing. */
export function threadsApiRoutes(state: ThreadsFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1.0/me',
      handler: (request) => {
        if (!isAuthorized(state, request)) return invalidToken;
        const { id, username, name } = state.user;
        return {
          status: 200,
          headers: usageHeaders,
          body: { id, username, name, threads_profile_picture_url: `https://scontent.cdninstagram.com/${id}.jpg` },
        };
      },
    },
    { method: 'POST', path: '/v1.0/:userId/threads', handler: (request) => createContainer(state, request) },
    { method: 'POST', path: '/v1.0/:userId/threads_publish', handler: (request) => publish(state, request) },
    { method: 'GET', path: '/v1.0/:id', handler: (request) => read(state, request) },
    { method: 'DELETE', path: '/v1.0/:id', handler: (request) => remove(state, request) },
  ];
}
