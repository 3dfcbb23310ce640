/**
 * Pinterest v5 account, board and Pin routes in the fake: GET /v5/user_account, GET /v5/boards
 * (bookmark pagination), POST /v5/pins (201, validated like the PinCreate schema), GET and DELETE
 * /v5/pins/{id} (204; 404 when gone). Follows developers.pinterest.com/docs/api/v5 (user_account-get,
 * boards-list, pins-create, pins-get, pins-delete) and the v5 OpenAPI description.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { authorize, pinterestError, type PinterestFakeState } from './pinterest-state.ts';

type Json = Record<string, unknown>;

const invalid = (message: string): FakeResponse => pinterestError(400, 1, message);

function userAccount(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'user_accounts:read');
  if (denied !== undefined) return denied;
  return {
    status: 200,
    body: {
      ...state.user,
      website_url: 'https://plume.example',
      board_count: state.boards.size,
      pin_count: state.pins.size,
      ...state.userCounts,
    },
  };
}

function listBoards(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'boards:read');
  if (denied !== undefined) return denied;
  const size = Math.min(Number(request.query.get('page_size') ?? state.boardPageSize), state.boardPageSize, 250);
  const all = [...state.boards.values()];
  const start = request.query.has('bookmark')
    ? Number(Buffer.from(request.query.get('bookmark') ?? '', 'base64url').toString())
    : 0;
  const items = all.slice(start, start + size).map((board) => ({
    id: board.id,
    name: board.name,
    description: board.description,
    privacy: board.privacy,
    owner: { username: state.user.username },
  }));
  const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64url') : null;
  return { status: 200, body: { items, bookmark: next } };
}

/** Checks media_source like the PinMediaSource variants; returns an error message or undefined. */
function mediaSourceProblem(state: PinterestFakeState, source: Json): string | undefined {
  const images = (items: unknown): items is Json[] => Array.isArray(items) && items.length >= 2 && items.length <= 5;
  switch (source['source_type']) {
    case 'image_base64':
      return ['image/jpeg', 'image/png'].includes(String(source['content_type'])) &&
        typeof source['data'] === 'string' &&
        source['data'].length > 0
        ? undefined
        : 'image_base64 needs content_type image/jpeg or image/png and data.';
    case 'image_url':
      return typeof source['url'] === 'string' && source['url'].startsWith('https://')
        ? undefined
        : 'image_url needs an https url.';
    case 'multiple_image_base64':
      return images(source['items']) && source['items'].every((item) => typeof item['data'] === 'string')
        ? undefined
        : 'A carousel needs 2 to 5 images.';
    case 'multiple_image_urls':
      return images(source['items']) && source['items'].every((item) => typeof item['url'] === 'string')
        ? undefined
        : 'A carousel needs 2 to 5 images.';
    case 'video_id': {
      const media = state.media.get(String(source['media_id']));
      if (media?.status !== 'succeeded') return 'The video is not uploaded and processed yet.';
      return source['cover_image_url'] === undefined && source['cover_image_key_frame_time'] === undefined
        ? 'A video Pin needs a cover image.'
        : undefined;
    }
    default:
      return 'media_source.source_type is not supported.';
  }
}

function createPin(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:write');
  if (denied !== undefined) return denied;
  if (request.headers['content-type']?.startsWith('application/json') !== true)
    return invalid('Content-Type must be application/json.');
  const body = (request.body ?? {}) as Json;
  const board = state.boards.get(String(body['board_id']));
  if (board === undefined) return pinterestError(404, 404, 'Board not found.');
  const section = body['board_section_id'];
  if (section !== undefined && (typeof section !== 'string' || !board.sectionIds.includes(section)))
    return pinterestError(404, 404, 'Board section not found.');
  const limits: [string, number][] = [
    ['title', 100],
    ['description', 800],
    ['alt_text', 500],
    ['link', 2048],
  ];
  for (const [field, max] of limits) {
    if (typeof body[field] === 'string' && body[field].length > max)
      return invalid(`${field} is longer than ${max} characters.`);
  }
  const problem = mediaSourceProblem(state, (body['media_source'] ?? {}) as Json);
  if (problem !== undefined) return invalid(problem);
  const id = String(state.nextId++);
  const createdAt = new Date().toISOString().slice(0, 19);
  state.pins.set(id, { id, boardId: board.id, body, createdAt });
  const { media_source: source, ...fields } = body;
  const mediaType =
    (source as Json)['source_type'] === 'video_id'
      ? 'video'
      : String((source as Json)['source_type']).startsWith('multiple')
        ? 'multiple_images'
        : 'image';
  return {
    status: 201,
    body: {
      id,
      created_at: createdAt,
      board_owner: { username: state.user.username },
      media: { media_type: mediaType },
      ...fields,
    },
  };
}

function readPin(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:read');
  if (denied !== undefined) return denied;
  const pin = state.pins.get(request.params['id'] ?? '');
  return pin === undefined
    ? pinterestError(404, 404, 'Pin not found.')
    : { status: 200, body: { id: pin.id, created_at: pin.createdAt, ...pin.body } };
}

function deletePin(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:write');
  if (denied !== undefined) return denied;
  const id = request.params['id'] ?? '';
  if (!state.pins.delete(id)) return pinterestError(404, 404, 'Pin not found.');
  return { status: 204 };
}

/** Account, board and Pin routes. */
export function pinterestRoutes(state: PinterestFakeState): FakeRoute[] {
  return [
    { method: 'GET', path: '/v5/user_account', handler: (request) => userAccount(state, request) },
    { method: 'GET', path: '/v5/boards', handler: (request) => listBoards(state, request) },
    { method: 'POST', path: '/v5/pins', handler: (request) => createPin(state, request) },
    { method: 'GET', path: '/v5/pins/:id', handler: (request) => readPin(state, request) },
    { method: 'DELETE', path: '/v5/pins/:id', handler: (request) => deletePin(state, request) },
  ];
}
