/**
 * Mastodon's account, instance, media and status endpoints (docs.joinmastodon.org/methods/accounts,
 * …/instance, …/media, …/statuses): 401 `{error}` without a valid token, 422 on validation errors,
 * 404 "Record not found", Idempotency-Key answering with the status it created before.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import {
  accountJson,
  hasScope,
  invalidToken,
  mastodonError,
  mediaJson,
  rateLimitHeaders,
  statusJson,
} from './responses.ts';
import type { MastodonFakeState } from './state.ts';
import { statusLength } from './status-length.ts';
import { statusReadRoutes } from './status-read-routes.ts';

async function uploadMedia(state: MastodonFakeState, request: FakeRequest): Promise<FakeResponse> {
  if (!hasScope(state, request, 'write:media')) return invalidToken;
  const form = await request.formData();
  const file = form.get('file');
  if (!(file instanceof File) || file.type === '')
    return mastodonError(422, 'Validation failed: File content type is invalid, File is invalid');
  const description = form.get('description');
  const type = file.type.startsWith('video/') ? 'video' : file.type === 'image/gif' ? 'gifv' : 'image';
  const media = {
    id: state.nextId(),
    type,
    fileName: file.name,
    mimeType: file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
    description: typeof description === 'string' ? description : null,
    pollsLeft: type === 'image' ? 0 : state.videoProcessingPolls,
  } as const;
  state.media.set(media.id, { ...media });
  return { status: media.pollsLeft > 0 ? 202 : 200, headers: rateLimitHeaders(), body: mediaJson(state, media) };
}

function getMedia(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  if (!hasScope(state, request, 'write:media')) return invalidToken;
  const media = state.media.get(request.params['id'] ?? '');
  if (media === undefined) return mastodonError(404, 'Record not found');
  if (media.pollsLeft > 0) {
    media.pollsLeft -= 1;
    return { status: 206, headers: rateLimitHeaders(), body: '' };
  }
  return { status: 200, headers: rateLimitHeaders(), body: mediaJson(state, media) };
}

function createStatus(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  if (!hasScope(state, request, 'write:statuses')) return invalidToken;
  const key = request.headers['idempotency-key'];
  const idempotencyKey = typeof key === 'string' ? `${request.bearer}:${key}` : undefined;
  const earlier =
    idempotencyKey === undefined ? undefined : state.statuses.get(state.idempotency.get(idempotencyKey) ?? '');
  if (earlier !== undefined) return { status: 200, headers: rateLimitHeaders(), body: statusJson(state, earlier) };
  const body = (request.body ?? {}) as Record<string, unknown>;
  const text = typeof body['status'] === 'string' ? body['status'] : '';
  const rawIds = body['media_ids'] ?? body['media_ids[]'];
  const mediaIds = (Array.isArray(rawIds) ? rawIds : rawIds === undefined ? [] : [rawIds]).map((id) =>
    typeof id === 'string' ? id : '',
  );
  if (text.trim() === '' && mediaIds.length === 0) return mastodonError(422, "Validation failed: Text can't be blank");
  const spoilerText = typeof body['spoiler_text'] === 'string' ? body['spoiler_text'] : '';
  if (statusLength(text, spoilerText, state.charactersPerUrl) > state.maxCharacters) {
    return mastodonError(422, `Validation failed: Text character limit of ${state.maxCharacters} exceeded`);
  }
  if (mediaIds.some((id) => (state.media.get(id)?.pollsLeft ?? 0) > 0)) {
    return mastodonError(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
  }
  if (mediaIds.some((id) => !state.media.has(id)))
    return mastodonError(422, 'Validation failed: Media attachments are invalid');
  const inReplyToId = typeof body['in_reply_to_id'] === 'string' ? body['in_reply_to_id'] : null;
  if (inReplyToId !== null && !state.statuses.has(inReplyToId) && !state.inbox.others.has(inReplyToId))
    return mastodonError(404, 'Record not found');
  const id = state.nextId();
  const status = {
    id,
    text,
    mediaIds,
    inReplyToId,
    visibility: typeof body['visibility'] === 'string' ? body['visibility'] : 'public',
    spoilerText,
    language: typeof body['language'] === 'string' ? body['language'] : null,
    sensitive: body['sensitive'] === true || body['sensitive'] === 'true',
    idempotencyKey: typeof key === 'string' ? key : undefined,
    createdAt: new Date(),
    counts: { favourites: 0, reblogs: 0, replies: 0, quotes: 0 },
  };
  state.statuses.set(id, status);
  if (idempotencyKey !== undefined) state.idempotency.set(idempotencyKey, id);
  return { status: 200, headers: rateLimitHeaders(), body: statusJson(state, status) };
}

function deleteStatus(state: MastodonFakeState, request: FakeRequest): FakeResponse {
  if (!hasScope(state, request, 'write:statuses')) return invalidToken;
  const status = state.statuses.get(request.params['id'] ?? '');
  if (status === undefined) return mastodonError(404, 'Record not found');
  state.statuses.delete(status.id);
  return { status: 200, headers: rateLimitHeaders(), body: { ...statusJson(state, status), text: status.text } };
}

/** Routes of the REST API the adapter uses. */
export function mastodonApiRoutes(state: MastodonFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/accounts/verify_credentials',
      handler: (request) =>
        hasScope(state, request, 'read:accounts')
          ? { status: 200, headers: rateLimitHeaders(), body: accountJson(state) }
          : invalidToken,
    },
    {
      method: 'GET',
      path: '/api/v2/instance',
      handler: () => ({
        status: 200,
        body: {
          domain: new URL(state.origin).host,
          title: 'Fake Mastodon',
          version: state.version,
          configuration: {
            statuses: {
              max_characters: state.maxCharacters,
              max_media_attachments: 4,
              characters_reserved_per_url: state.charactersPerUrl,
            },
            media_attachments: { image_size_limit: 16_777_216, video_size_limit: 103_809_024 },
          },
        },
      }),
    },
    { method: 'POST', path: '/api/v2/media', handler: (request) => uploadMedia(state, request) },
    { method: 'GET', path: '/api/v1/media/:id', handler: (request) => getMedia(state, request) },
    { method: 'POST', path: '/api/v1/statuses', handler: (request) => createStatus(state, request) },
    { method: 'DELETE', path: '/api/v1/statuses/:id', handler: (request) => deleteStatus(state, request) },
    ...statusReadRoutes(state),
  ];
}
