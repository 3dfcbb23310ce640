import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '@plume/errors/app-error';
import type { ErrorCode } from '@plume/errors/error-codes';
import { toProblem } from '@plume/errors/problem-details';

const contextNames: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

/** Sends an RFC 9457 problem. The one place a status code is chosen for an error. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  const problem = toProblem(code, { ...extra, requestId: request.id, instance: request.url.split('?')[0] });
  if (extra.headers) void reply.headers(extra.headers);
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

type ValidationIssue = { instancePath: string; keyword?: string; message?: string; params?: { keys?: unknown } };

/** `body/name` for a field; an unknown property is named by its own path (`body/extra`), never `body/`. */
function fieldErrorsOf(error: FastifyError & { validation: ValidationIssue[] }): FieldError[] {
  const context = contextNames[error.validationContext ?? 'body'] ?? 'body';
  return error.validation.flatMap((issue) => {
    const at = `${context}${issue.instancePath || ''}`.replace(/\/$/, '');
    const keys =
      issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys) ? issue.params.keys.map(String) : [];
    if (keys.length > 0) return keys.map((key) => ({ path: `${at}/${key}`, message: 'Unknown field.' }));
    return [{ path: at, message: issue.message ?? 'Invalid value' }];
  });
}

/** Maps everything thrown by a route (AppError, validation, Fastify's own errors) to problem+json. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.code, {
        ...(error.detail ? { detail: error.detail } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.headers ? { headers: error.headers } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error);
      return sendProblem(request, reply, 'validation_failed', {
        detail: errors.map((item) => `${item.path}: ${item.message}`).join('; '),
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return sendProblem(request, reply, 'internal');
    }
    const code = mapFastifyError(error);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    const detail =
      code === 'internal'
        ? 'Something went wrong on our side. The request id identifies it in the logs.'
        : error.message;
    return sendProblem(request, reply, code, { detail });
  });
}

function mapFastifyError(error: FastifyError): ErrorCode {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'payload_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'unsupported_media_type';
    case 'FST_ERR_RATE_LIMIT_EXCEEDED':
      return 'rate_limited';
    default:
      break;
  }
  if (error.statusCode === 429) return 'rate_limited';
  if (error.statusCode === 400 || error instanceof SyntaxError) return 'malformed_json';
  if (error.statusCode === 413) return 'payload_too_large';
  if (error.statusCode === 415) return 'unsupported_media_type';
  return 'internal';
}
