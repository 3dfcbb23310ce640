/**
 * X's v2 media upload (docs.x.com/x-api/media/quickstart/media-upload-chunked and the OpenAPI v2.167):
 * one-shot POST /2/media/upload (multipart `media` + `media_category`), chunked initialize (JSON),
 * append (multipart `segment_index` + `media`), finalize, STATUS polling while a video or GIF is
 * processed, and POST /2/media/metadata for alt text. The fake answers `check_after_secs: 0` so
 * tests do not sleep; X itself asks for a second or more.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { invalidRequest, rateLimitHeaders, unauthorized, userOf } from './responses.ts';
import type { XFakeMedia, XFakeState } from './state.ts';

const CATEGORIES = new Set([
  'tweet_image',
  'tweet_video',
  'tweet_gif',
  'amplify_video',
  'dm_image',
  'dm_video',
  'dm_gif',
  'subtitles',
]);

function mediaBody(media: XFakeMedia): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: media.id,
    media_key: `3_${media.id}`,
    size: media.bytes.length,
    expires_after_secs: 86_400,
  };
  if (media.state === 'processing')
    data['processing_info'] = { state: 'in_progress', check_after_secs: 0, progress_percent: 50 };
  if (media.state === 'succeeded' && media.category !== 'tweet_image')
    data['processing_info'] = { state: 'succeeded', progress_percent: 100 };
  if (media.state === 'failed')
    data['processing_info'] = {
      state: 'failed',
      error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
    };
  return { data };
}

function newMedia(state: XFakeState, category: string, mediaType?: string, totalBytes?: number): XFakeMedia {
  const media: XFakeMedia = {
    id: state.nextId(),
    category,
    mediaType,
    totalBytes,
    segments: new Map(),
    bytes: Buffer.alloc(0),
    state: 'uploading',
    pollsLeft: 0,
    altText: undefined,
  };
  state.media.set(media.id, media);
  return media;
}

async function uploadOneShot(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const form = await request.formData();
  const extra = [...form.keys()].find((key) => !['media', 'media_category', 'additional_owners'].includes(key));
  if (extra !== undefined) return invalidRequest(`The \`${extra}\` field is not allowed.`);
  const file = form.get('media');
  const category = form.get('media_category');
  if (!(file instanceof Blob) || typeof category !== 'string' || !CATEGORIES.has(category)) {
    return invalidRequest('media and media_category are required.');
  }
  const media = newMedia(state, category, file.type || undefined);
  media.bytes = Buffer.from(await file.arrayBuffer());
  media.state = 'succeeded';
  return { status: 200, headers: rateLimitHeaders(), body: mediaBody(media) };
}

async function initialize(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const category = typeof body['media_category'] === 'string' ? body['media_category'] : '';
  if (!CATEGORIES.has(category) || typeof body['total_bytes'] !== 'number' || typeof body['media_type'] !== 'string') {
    return invalidRequest('media_type, total_bytes and media_category are required.');
  }
  const media = newMedia(state, category, body['media_type'], body['total_bytes']);
  return {
    status: 200,
    headers: rateLimitHeaders(),
    body: { data: { id: media.id, media_key: `7_${media.id}`, expires_after_secs: 86_399 } },
  };
}

async function append(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const media = state.media.get(request.params['id'] ?? '');
  if (media === undefined || media.state !== 'uploading')
    return invalidRequest('Unknown or finished upload.', { id: [request.params['id']] });
  const form = await request.formData();
  const chunk = form.get('media');
  const segment = Number(form.get('segment_index'));
  if (!(chunk instanceof Blob) || !Number.isInteger(segment) || segment < 0 || segment > 999) {
    return invalidRequest('media and segment_index are required.');
  }
  media.segments.set(segment, Buffer.from(await chunk.arrayBuffer()));
  return {
    status: 200,
    headers: rateLimitHeaders(),
    body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } },
  };
}

async function finalize(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const media = state.media.get(request.params['id'] ?? '');
  if (media === undefined || media.state !== 'uploading')
    return invalidRequest('Unknown or finished upload.', { id: [request.params['id']] });
  const order = [...media.segments.keys()].sort((a, b) => a - b);
  media.bytes = Buffer.concat(order.map((index) => media.segments.get(index) ?? Buffer.alloc(0)));
  if (media.bytes.length !== media.totalBytes) return invalidRequest('File size does not match total_bytes.');
  media.pollsLeft = state.videoProcessingPolls;
  media.state = media.pollsLeft > 0 ? 'processing' : 'succeeded';
  const body = mediaBody(media);
  if (media.state === 'processing')
    (body['data'] as Record<string, unknown>)['processing_info'] = { state: 'pending', check_after_secs: 0 };
  return { status: 200, headers: rateLimitHeaders(), body };
}

async function status(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const media = state.media.get(request.query.get('media_id') ?? '');
  if (media === undefined || request.query.get('command') !== 'STATUS') return invalidRequest('Unknown media_id.');
  if (media.state === 'processing') {
    media.pollsLeft -= 1;
    if (media.pollsLeft <= 0) media.state = 'succeeded';
  }
  return { status: 200, headers: rateLimitHeaders(), body: mediaBody(media) };
}

async function metadata(state: XFakeState, request: FakeRequest): Promise<FakeResponse> {
  if ((await userOf(state, request)) === undefined) return unauthorized;
  const body = (request.body ?? {}) as { id?: unknown; metadata?: { alt_text?: { text?: unknown } } };
  const media = state.media.get(String(body.id));
  const text = body.metadata?.alt_text?.text;
  if (media === undefined) return invalidRequest('Unknown media id.', { id: [body.id] });
  if (typeof text !== 'string' || text.length > 1000)
    return invalidRequest('alt_text.text must be at most 1000 characters.');
  media.altText = text;
  return {
    status: 200,
    headers: rateLimitHeaders(),
    body: { data: { id: media.id, associated_metadata: { alt_text: { text } } } },
  };
}

/** Routes of X's media upload and metadata endpoints. */
export function xMediaRoutes(state: XFakeState): FakeRoute[] {
  return [
    { method: 'POST', path: '/2/media/upload/initialize', handler: (request) => initialize(state, request) },
    { method: 'POST', path: '/2/media/upload/:id/append', handler: (request) => append(state, request) },
    { method: 'POST', path: '/2/media/upload/:id/finalize', handler: (request) => finalize(state, request) },
    { method: 'POST', path: '/2/media/upload', handler: (request) => uploadOneShot(state, request) },
    { method: 'GET', path: '/2/media/upload', handler: (request) => status(state, request) },
    { method: 'POST', path: '/2/media/metadata', handler: (request) => metadata(state, request) },
  ];
}
