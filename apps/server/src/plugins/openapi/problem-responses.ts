/**
 * The error half of the OpenAPI document: the `Problem` schema (what `sendProblem` writes, see
 * packages/errors/src/problem-details.ts) and one shared response per HTTP status, each naming the
 * stable codes that answer with it. Built from `errorCodes`, so a new code is documented by existing.
 */
import { errorCodes, type ErrorCode } from '@plume/errors/error-codes';

export const problemMediaType = 'application/problem+json';
export const problemSchemaRef = '#/components/schemas/Problem';

type JsonObject = Record<string, unknown>;

export const problemSchema: JsonObject = {
  type: 'object',
  description: 'An RFC 9457 problem. Clients match on `code` (stable), never on `title` or `detail`.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'https://plume.dev/problems/<code>' },
    title: { type: 'string', description: "The code's short title" },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', enum: Object.keys(errorCodes) },
    detail: { type: 'string', description: 'What went wrong with this request, in plain words' },
    instance: { type: 'string', description: 'The request path' },
    requestId: { type: 'string', description: 'Also sent as `x-request-id`; names the request in the logs' },
    errors: {
      type: 'array',
      description: 'One entry per field at fault',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: {
            type: 'string',
            description:
              'Where the value arrived: `body/targets/0/text`, `query/limit`, `params/postId`, `headers/idempotency-key`',
          },
          message: { type: 'string' },
        },
      },
    },
  },
};

const statusNames: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  402: 'PaymentRequired',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'ContentTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  423: 'Locked',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

const retryAfter = { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } };
const rateLimitHeaders = {
  'retry-after': retryAfter,
  'x-ratelimit-limit': { description: 'Requests allowed in the window', schema: { type: 'integer' } },
  'x-ratelimit-remaining': { description: 'Requests left in the window', schema: { type: 'integer' } },
  'x-ratelimit-reset': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
};
const headersByStatus: Record<number, JsonObject> = { 423: { 'retry-after': retryAfter }, 429: rateLimitHeaders };

function codesOf(status: number): ErrorCode[] {
  return (Object.keys(errorCodes) as ErrorCode[]).filter((code) => errorCodes[code].status === status);
}

/** Every status some error code answers with. */
export const problemStatuses: readonly number[] = [
  ...new Set(Object.values(errorCodes).map((entry) => entry.status)),
].sort((a, b) => a - b);

/** `#/components/responses/<name>` for a status (`NotFound` for 404). */
export function problemResponseName(status: number): string {
  return statusNames[status] ?? `Status${status}`;
}

/** The shared response for one status: problem+json whose `code` is one of that status's codes. */
export function problemResponse(status: number): JsonObject {
  const codes = codesOf(status);
  const list = codes.map((code) => `\`${code}\` (${errorCodes[code].title})`).join(', ');
  return {
    description: `Problem details. Codes: ${list}.`,
    ...(headersByStatus[status] ? { headers: headersByStatus[status] } : {}),
    content: {
      [problemMediaType]: {
        schema: {
          allOf: [{ $ref: problemSchemaRef }],
          properties: { status: { const: status }, code: { enum: codes } },
        },
      },
    },
  };
}
