/**
 * The YouTube resumable upload as a fake, after
 * https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol and
 * https://developers.google.com/youtube/v3/docs/videos/insert: POST with the video resource and
 * X-Upload-Content-Length/-Type opens a session (200 + Location); PUTs carry `Content-Range: bytes a-b/T`
 * and get 308 + `Range: bytes=0-N` until the last byte, then 201 with the video; `bytes *\/T` asks the
 * status. Title ≤ 100 characters, description ≤ 5,000 bytes, neither with < or >; tags ≤ 500 characters.
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { checkGoogleBearer, googleApiError } from './google-token-routes.ts';
import type { FakeYoutubeVideo, YoutubeFakeState } from './youtube-state.ts';

const UPLOAD_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube',
  'https://www.googleapis.com/auth/youtube.force-ssl',
  'https://www.googleapis.com/auth/youtubepartner',
];
const CATEGORIES = new Set(['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29']);

function badRequest(reason: string, message: string): FakeResponse {
  return {
    status: 400,
    body: googleApiError(400, message, { reason, domain: 'youtube.video', status: 'INVALID_ARGUMENT' }),
  };
}

export function uploadRoutes(state: YoutubeFakeState, baseUrl: () => string): FakeRoute[] {
  return [
    { method: 'POST', path: '/upload/youtube/v3/videos', handler: (request) => openSession(state, request, baseUrl()) },
    { method: 'PUT', path: '/upload/youtube/v3/videos', handler: (request) => receiveBytes(state, request) },
  ];
}

function openSession(state: YoutubeFakeState, request: FakeRequest, base: string): FakeResponse {
  const denied = checkGoogleBearer(state.tokens, request, UPLOAD_SCOPES);
  if (denied !== undefined) return denied;
  if (request.query.get('uploadType') !== 'resumable')
    return badRequest('invalidUploadType', 'Only resumable uploads are faked.');
  const total = Number(request.headers['x-upload-content-length']);
  const mimeType = String(request.headers['x-upload-content-type'] ?? '');
  if (!Number.isInteger(total) || total <= 0) return badRequest('badContent', 'X-Upload-Content-Length is required.');
  if (!mimeType.startsWith('video/') && mimeType !== 'application/octet-stream') {
    return badRequest('badContent', 'The media type is not a video.');
  }
  const resource = (request.body ?? {}) as { snippet?: Record<string, unknown>; status?: Record<string, unknown> };
  const problem = checkResource(resource);
  if (problem !== undefined) return problem;
  const channel = state.channels[0];
  if (channel === undefined)
    return { status: 401, body: googleApiError(401, 'Unauthorized', { reason: 'youtubeSignupRequired' }) };
  const id = randomBytes(9).toString('base64url');
  state.sessions.set(id, {
    id,
    channelId: channel.id,
    resource,
    total,
    mimeType,
    notifySubscribers: request.query.get('notifySubscribers') !== 'false',
    chunks: [],
    received: 0,
    expired: false,
  });
  const location = `${base}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}&part=${encodeURIComponent(request.query.get('part') ?? '')}`;
  return { status: 200, headers: { location, 'x-guploader-uploadid': id } };
}

function checkResource(resource: {
  snippet?: Record<string, unknown>;
  status?: Record<string, unknown>;
}): FakeResponse | undefined {
  const snippet = resource.snippet ?? {};
  const title = typeof snippet['title'] === 'string' ? snippet['title'] : '';
  if (title.trim().length === 0 || [...title].length > 100 || /[<>]/.test(title)) {
    return badRequest('invalidTitle', 'The request metadata specifies an invalid or empty video title.');
  }
  const description = typeof snippet['description'] === 'string' ? snippet['description'] : '';
  if (Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) {
    return badRequest('invalidDescription', 'The request metadata specifies an invalid video description.');
  }
  const tags = Array.isArray(snippet['tags']) ? (snippet['tags'] as string[]) : [];
  const tagChars =
    tags.reduce((sum, tag) => sum + tag.length + (tag.includes(' ') ? 2 : 0), 0) + Math.max(0, tags.length - 1);
  if (tagChars > 500) return badRequest('invalidTags', 'The request metadata specifies invalid video keywords.');
  const category = snippet['categoryId'];
  if (category !== undefined && (typeof category !== 'string' || !CATEGORIES.has(category))) {
    return badRequest('invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.');
  }
  const privacy = resource.status?.['privacyStatus'];
  if (privacy !== undefined && (typeof privacy !== 'string' || !['public', 'unlisted', 'private'].includes(privacy))) {
    return badRequest('invalidVideoMetadata', 'The request metadata is invalid.');
  }
  return undefined;
}

function receiveBytes(state: YoutubeFakeState, request: FakeRequest): FakeResponse {
  const denied = checkGoogleBearer(state.tokens, request, UPLOAD_SCOPES);
  if (denied !== undefined) return denied;
  const session = state.sessions.get(request.query.get('upload_id') ?? '');
  if (session === undefined || session.expired) return { status: 404, body: 'Not Found' };
  const range = String(request.headers['content-range'] ?? '');
  const status = /^bytes \*\/(\d+)$/.exec(range);
  if (status !== null) return progress(state, session.id);
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
  const [first, last, total] =
    match === null
      ? [0, request.rawBody.length - 1, session.total]
      : [Number(match[1]), Number(match[2]), Number(match[3])];
  if (total !== session.total || last - first + 1 !== request.rawBody.length)
    return badRequest('badContent', 'Content-Range does not match the body.');
  if (session.videoId !== undefined) return progress(state, session.id);
  // Bytes that do not continue what arrived are ignored; the Range answer lets the client catch up.
  if (first === session.received) {
    const keep = state.keepOnlyOfNextChunk ?? request.rawBody.length;
    state.keepOnlyOfNextChunk = undefined;
    const kept = request.rawBody.subarray(0, Math.min(keep, request.rawBody.length));
    session.chunks.push(Buffer.from(kept));
    session.received += kept.length;
  }
  if (session.received === session.total) {
    const video = createVideo(state, session.id);
    return { status: 201, body: videoJson(video) };
  }
  return progress(state, session.id);
}

function progress(state: YoutubeFakeState, sessionId: string): FakeResponse {
  const session = state.sessions.get(sessionId);
  if (session?.videoId !== undefined) {
    const video = state.videos.get(session.videoId);
    if (video !== undefined) return { status: 201, body: videoJson(video) };
  }
  const received = session?.received ?? 0;
  return { status: 308, headers: received > 0 ? { range: `bytes=0-${received - 1}` } : {} };
}

function createVideo(state: YoutubeFakeState, sessionId: string): FakeYoutubeVideo {
  const session = state.sessions.get(sessionId)!;
  const snippet = session.resource.snippet ?? {};
  const id = randomBytes(8).toString('base64url').slice(0, 11);
  const video: FakeYoutubeVideo = {
    id,
    channelId: session.channelId,
    snippet: { ...snippet, channelId: session.channelId, publishedAt: new Date().toISOString() },
    status: {
      uploadStatus: 'uploaded',
      privacyStatus: 'public',
      license: 'youtube',
      embeddable: true,
      ...session.resource.status,
    },
    bytes: Buffer.concat(session.chunks),
    mimeType: session.mimeType,
    notifySubscribers: session.notifySubscribers,
    deleted: false,
  };
  state.videos.set(id, video);
  session.videoId = id;
  return video;
}

/** A video resource as the API returns it. */
export function videoJson(video: FakeYoutubeVideo): unknown {
  return {
    kind: 'youtube#video',
    etag: `etag-${video.id}`,
    id: video.id,
    snippet: video.snippet,
    status: video.status,
  };
}
