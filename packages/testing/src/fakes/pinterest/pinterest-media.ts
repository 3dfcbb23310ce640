/**
 * Video uploads in the fake: POST /v5/media (register), the presigned S3-style multipart POST to
 * `upload_url` (all `upload_parameters` fields, then `file`; 204 on success, XML error otherwise) and
 * GET /v5/media/{id}. Follows developers.pinterest.com/docs/api/v5/media-create and /media-get.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { authorize, pinterestError, randomToken, type PinterestFakeState } from './pinterest-state.ts';

function s3Error(code: string, message: string): FakeResponse {
  return {
    status: 403,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  };
}

function register(state: PinterestFakeState, request: FakeRequest, baseUrl: string): FakeResponse {
  const denied = authorize(state, request, 'pins:write');
  if (denied !== undefined) return denied;
  if ((request.body as Record<string, unknown> | undefined)?.['media_type'] !== 'video')
    return pinterestError(400, 1, 'media_type must be video.');
  const mediaId = String(state.nextId++);
  const key = `uploads/${mediaId.slice(0, 2)}/${randomToken('v')}.mp4`;
  state.media.set(mediaId, { mediaId, key, status: 'registered', reads: 0, fieldOrder: [], file: undefined });
  return {
    status: 201,
    body: {
      media_id: mediaId,
      media_type: 'video',
      upload_url: `${baseUrl}/pinterest-media-upload/`,
      upload_parameters: {
        'x-amz-date': '20260301T120000Z',
        'x-amz-signature': randomToken('sig'),
        'x-amz-security-token': randomToken('tok'),
        'x-amz-algorithm': 'AWS4-HMAC-SHA256',
        key,
        policy: Buffer.from(JSON.stringify({ key })).toString('base64'),
        'x-amz-credential': 'ASIAFAKE/20260301/us-east-1/s3/aws4_request',
        'Content-Type': 'multipart/form-data',
      },
    },
  };
}

async function upload(state: PinterestFakeState, request: FakeRequest): Promise<FakeResponse> {
  if (request.headers.authorization !== undefined) return s3Error('InvalidArgument', 'Only one auth mechanism allowed');
  const form = await request.formData();
  const key = form.get('key');
  const media = [...state.media.values()].find((candidate) => candidate.key === key);
  if (media === undefined) return s3Error('AccessDenied', 'Invalid according to Policy: Policy Condition failed');
  const fieldOrder = [...form.keys()];
  const file = form.get('file');
  const required = [
    'x-amz-date',
    'x-amz-signature',
    'x-amz-security-token',
    'x-amz-algorithm',
    'key',
    'policy',
    'x-amz-credential',
    'Content-Type',
  ];
  if (!required.every((name) => form.has(name)) || !(file instanceof File) || fieldOrder.at(-1) !== 'file') {
    return s3Error('InvalidArgument', 'Bucket POST must contain the policy fields and the file as the last field');
  }
  media.fieldOrder = fieldOrder;
  media.file = { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
  media.status = 'processing';
  return { status: 204 };
}

function details(state: PinterestFakeState, request: FakeRequest): FakeResponse {
  const denied = authorize(state, request, 'pins:read');
  if (denied !== undefined) return denied;
  const media = state.media.get(request.params['id'] ?? '');
  if (media === undefined) return pinterestError(404, 404, 'Media not found.');
  if (media.status === 'processing') {
    media.reads += 1;
    if (media.reads > state.mediaReadsBeforeDone) media.status = state.failMediaProcessing ? 'failed' : 'succeeded';
  }
  return { status: 200, body: { media_id: media.mediaId, media_type: 'video', status: media.status } };
}

/** Media routes; `baseUrl` is the fake's address (upload URLs point back at it). */
export function pinterestMediaRoutes(state: PinterestFakeState, baseUrl: () => string): FakeRoute[] {
  return [
    { method: 'POST', path: '/v5/media', handler: (request) => register(state, request, baseUrl()) },
    { method: 'GET', path: '/v5/media/:id', handler: (request) => details(state, request) },
    { method: 'POST', path: '/pinterest-media-upload', handler: (request) => upload(state, request) },
  ];
}
