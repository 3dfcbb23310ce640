/**
 * TikTok's Display and Content Posting endpoints in the fake: user info, creator info, video init
 * (Direct Post and inbox), chunked PUT uploads, photo init and status fetch. Follows
 * developers.tiktok.com/doc/tiktok-api-v2-get-user-info, content-posting-api-reference-query-creator-info,
 * -direct-post, -upload-video, -photo-post, -media-transfer-guide, -get-video-status and
 * tiktok-api-v2-error-handling.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { apiError, ok, token, type TikTokFakePublish, type TikTokFakeState } from './tiktok-state.ts';

type Json = Record<string, unknown>;
const MAX_SINGLE_CHUNK = 64 * 1024 * 1024;
const MAX_CHUNK = 64 * 1024 * 1024;

/** Bearer check: 401 access_token_invalid, or 401 scope_not_authorized when a scope is missing. */
export function authorizeTikTok(
  state: TikTokFakeState,
  request: FakeRequest,
  scope: string | undefined,
): FakeResponse | undefined {
  const grant = request.bearer === undefined ? undefined : state.accessTokens.get(request.bearer);
  if (grant === undefined || grant.expiresAt < Date.now()) {
    return apiError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
  }
  if (scope !== undefined && !grant.scopes.includes(scope)) {
    return apiError(
      401,
      'scope_not_authorized',
      `The user did not authorize the scope required for completing this request (${scope}).`,
    );
  }
  return undefined;
}

function isJson(request: FakeRequest): boolean {
  return request.headers['content-type']?.startsWith('application/json') === true;
}

function urlsVerified(state: TikTokFakeState, urls: unknown[]): boolean {
  return urls.every(
    (url) => typeof url === 'string' && state.verifiedUrlPrefixes.some((prefix) => url.startsWith(prefix)),
  );
}

function userInfo(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const fields = (request.query.get('fields') ?? '').split(',').filter(Boolean);
  const stats = fields.some((field) => field in state.userStats);
  const scope = stats ? 'user.info.stats' : fields.includes('username') ? 'user.info.profile' : 'user.info.basic';
  const denied = authorizeTikTok(state, request, scope);
  if (denied !== undefined) return denied;
  const user = { ...state.user, ...state.userStats } as unknown as Json;
  return ok({ user: Object.fromEntries(fields.filter((field) => field in user).map((field) => [field, user[field]])) });
}

function creatorInfo(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const denied = authorizeTikTok(state, request, 'video.publish');
  if (denied !== undefined) return denied;
  return ok({
    creator_avatar_url: state.user.avatar_url,
    creator_username: state.user.username,
    creator_nickname: state.user.display_name,
    ...state.creator,
  });
}

/** Checks source_info for a video; returns the chunk plan or an error answer. */
type VideoPlan = Pick<TikTokFakePublish, 'source' | 'videoSize' | 'chunkSize' | 'totalChunkCount'>;

function videoSource(state: TikTokFakeState, source: Json): { plan: VideoPlan } | { error: FakeResponse } {
  if (source['source'] === 'PULL_FROM_URL') {
    if (!urlsVerified(state, [source['video_url']]))
      return {
        error: apiError(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.'),
      };
    return { plan: { source: 'PULL_FROM_URL', videoSize: 0, chunkSize: 0, totalChunkCount: 0 } };
  }
  if (source['source'] !== 'FILE_UPLOAD')
    return { error: apiError(400, 'invalid_params', 'source must be FILE_UPLOAD or PULL_FROM_URL') };
  const size = Number(source['video_size']);
  const chunk = Number(source['chunk_size']);
  const count = Number(source['total_chunk_count']);
  if (!(size > 0 && chunk > 0 && count >= 1 && count <= 1000))
    return { error: apiError(400, 'invalid_params', 'video_size, chunk_size and total_chunk_count are required') };
  const single = count === 1 && chunk === size && size <= MAX_SINGLE_CHUNK;
  const chunked =
    chunk >= state.minChunkBytes &&
    chunk <= MAX_CHUNK &&
    count === Math.floor(size / chunk) &&
    size - (count - 1) * chunk <= 2 * MAX_CHUNK;
  if (!single && !chunked) return { error: apiError(400, 'invalid_params', 'The chunk size is invalid') };
  return { plan: { source: 'FILE_UPLOAD', videoSize: size, chunkSize: chunk, totalChunkCount: count } };
}

function newPublish(
  state: TikTokFakeState,
  endpoint: TikTokFakePublish['endpoint'],
  body: Json,
  plan: VideoPlan,
): TikTokFakePublish {
  const publish: TikTokFakePublish = {
    publishId: `v_pub_${plan.source === 'FILE_UPLOAD' ? 'file' : 'url'}~v2-1.${token('p').slice(2)}`,
    endpoint,
    body,
    ...plan,
    ranges: [],
    contentTypes: [],
    received: [],
    uploadComplete: plan.source === 'PULL_FROM_URL',
    statusReads: 0,
    postId: undefined,
  };
  state.publishes.set(publish.publishId, publish);
  return publish;
}

function videoInit(
  state: TikTokFakeState,
  request: FakeRequest,
  endpoint: 'video' | 'inbox_video',
  baseUrl: () => string,
): FakeResponse {
  const denied = authorizeTikTok(state, request, endpoint === 'video' ? 'video.publish' : 'video.upload');
  if (denied !== undefined) return denied;
  if (!isJson(request)) return apiError(400, 'invalid_params', 'Content-Type must be application/json');
  const body = (request.body ?? {}) as Json;
  if (endpoint === 'video') {
    const info = (body['post_info'] ?? {}) as Json;
    if (!state.creator.privacy_level_options.includes(String(info['privacy_level']))) {
      return apiError(
        400,
        'privacy_level_option_mismatch',
        'privacy_level is not one of the privacy_level_options of the creator',
      );
    }
    if (typeof info['title'] === 'string' && info['title'].length > 2200)
      return apiError(400, 'invalid_params', 'title is too long');
  }
  const checked = videoSource(state, (body['source_info'] ?? {}) as Json);
  if ('error' in checked) return checked.error;
  const { plan } = checked;
  const publish = newPublish(state, endpoint, body, plan);
  const uploadUrl = `${baseUrl()}/upload/video/?upload_id=${encodeURIComponent(publish.publishId)}&upload_token=${token('ut')}`;
  return ok({ publish_id: publish.publishId, ...(plan.source === 'FILE_UPLOAD' ? { upload_url: uploadUrl } : {}) });
}

function photoInit(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const body = (request.body ?? {}) as Json;
  const direct = body['post_mode'] === 'DIRECT_POST';
  const denied = authorizeTikTok(state, request, direct ? 'video.publish' : 'video.upload');
  if (denied !== undefined) return denied;
  if (body['media_type'] !== 'PHOTO' || (!direct && body['post_mode'] !== 'MEDIA_UPLOAD'))
    return apiError(400, 'invalid_params', 'media_type must be PHOTO');
  const source = (body['source_info'] ?? {}) as Json;
  const images = Array.isArray(source['photo_images']) ? (source['photo_images'] as unknown[]) : [];
  if (source['source'] !== 'PULL_FROM_URL' || images.length === 0 || images.length > 35)
    return apiError(400, 'invalid_params', 'photo_images must hold 1 to 35 URLs');
  if (!urlsVerified(state, images))
    return apiError(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.');
  const info = (body['post_info'] ?? {}) as Json;
  if (direct && !state.creator.privacy_level_options.includes(String(info['privacy_level']))) {
    return apiError(
      400,
      'privacy_level_option_mismatch',
      'privacy_level is not one of the privacy_level_options of the creator',
    );
  }
  const publish = newPublish(state, 'photo', body, {
    source: 'PULL_FROM_URL',
    videoSize: 0,
    chunkSize: 0,
    totalChunkCount: 0,
  });
  return ok({ publish_id: publish.publishId });
}

/** PUT {upload_url}: sequential chunks with Content-Range; 206 until the last, then 201. */
function uploadChunk(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const publish = state.publishes.get(request.query.get('upload_id') ?? '');
  if (publish === undefined || publish.source !== 'FILE_UPLOAD')
    return apiError(404, 'invalid_params', 'Unknown upload_id');
  const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers['content-range'] ?? '');
  const received = publish.received.reduce((sum, part) => sum + part.length, 0);
  if (range === null) return apiError(400, 'invalid_params', 'Content-Range is required');
  const [first, last, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
  if (
    first !== received ||
    total !== publish.videoSize ||
    last - first + 1 !== request.rawBody.length ||
    last >= total
  ) {
    return apiError(416, 'invalid_params', 'The Content-Range does not match the next expected bytes');
  }
  publish.ranges.push(request.headers['content-range'] ?? '');
  publish.contentTypes.push(request.headers['content-type'] ?? '');
  publish.received.push(request.rawBody);
  if (last + 1 < total) return { status: 206 };
  publish.uploadComplete = true;
  return { status: 201 };
}

/** Status fetch; the post id is int64 and written as a bare number, as TikTok does. */
function statusFetch(state: TikTokFakeState, request: FakeRequest): FakeResponse {
  const denied = authorizeTikTok(state, request, undefined);
  if (denied !== undefined) return denied;
  const publish = state.publishes.get(String(((request.body ?? {}) as Json)['publish_id']));
  if (publish === undefined) return apiError(400, 'invalid_params', 'publish_id does not exist');
  const data: Json = { uploaded_bytes: publish.received.reduce((sum, part) => sum + part.length, 0) };
  publish.statusReads += 1;
  if (!publish.uploadComplete) data['status'] = 'PROCESSING_UPLOAD';
  else if (publish.statusReads <= state.statusReadsBeforeDone)
    data['status'] = publish.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD';
  else if (state.failReason !== undefined) Object.assign(data, { status: 'FAILED', fail_reason: state.failReason });
  else if (
    publish.endpoint === 'inbox_video' ||
    (publish.endpoint === 'photo' && publish.body['post_mode'] === 'MEDIA_UPLOAD')
  )
    data['status'] = 'SEND_TO_USER_INBOX';
  else {
    const privacy = ((publish.body['post_info'] ?? {}) as Json)['privacy_level'];
    if (state.givePostIds && privacy !== 'SELF_ONLY') publish.postId ??= String(state.nextPostId++);
    Object.assign(data, {
      status: 'PUBLISH_COMPLETE',
      publicaly_available_post_id: publish.postId === undefined ? [] : [`__int64_${publish.postId}`],
    });
  }
  const body = JSON.stringify({ data, error: { code: 'ok', message: '', log_id: token('log') } }).replace(
    /"__int64_(\d+)"/g,
    '$1',
  );
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

/** Every posting route; `baseUrl` is the fake's own address (upload URLs point back at it). */
export function tiktokPostRoutes(state: TikTokFakeState, baseUrl: () => string): FakeRoute[] {
  return [
    { method: 'GET', path: '/v2/user/info', handler: (request) => userInfo(state, request) },
    { method: 'POST', path: '/v2/post/publish/creator_info/query', handler: (request) => creatorInfo(state, request) },
    {
      method: 'POST',
      path: '/v2/post/publish/video/init',
      handler: (request) => videoInit(state, request, 'video', baseUrl),
    },
    {
      method: 'POST',
      path: '/v2/post/publish/inbox/video/init',
      handler: (request) => videoInit(state, request, 'inbox_video', baseUrl),
    },
    { method: 'POST', path: '/v2/post/publish/content/init', handler: (request) => photoInit(state, request) },
    { method: 'PUT', path: '/upload/video', handler: (request) => uploadChunk(state, request) },
    { method: 'POST', path: '/v2/post/publish/status/fetch', handler: (request) => statusFetch(state, request) },
  ];
}
