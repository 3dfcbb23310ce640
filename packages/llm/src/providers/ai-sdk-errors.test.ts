import { APICallError, JSONParseError, NoSuchModelError } from 'ai';
import { describe, expect, it } from 'vitest';
import { HttpNetworkError, HttpTimeoutError } from '@plume/http/errors';
import { LlmProviderError } from '../provider-contract.ts';
import { toLlmProviderError } from './ai-sdk-errors.ts';

const openai = { id: 'openai', label: 'OpenAI' };
const anthropic = { id: 'anthropic', label: 'Anthropic' };

function apiError(statusCode: number, body: unknown, responseHeaders: Record<string, string> = {}): APICallError {
  const responseBody = typeof body === 'string' ? body : JSON.stringify(body);
  return new APICallError({
    message: 'failed',
    url: 'https://api.example/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    responseBody,
    responseHeaders,
  });
}
const openAiBody = (code: string | null, message = 'x') => ({
  error: { message, type: 'invalid_request_error', param: null, code },
});
const anthropicBody = (type: string, message: string) => ({
  type: 'error',
  error: { type, message },
  request_id: 'req_1',
});

describe('toLlmProviderError', () => {
  it('reads OpenAI error codes before the status', () => {
    expect(toLlmProviderError(apiError(400, openAiBody('context_length_exceeded')), openai)).toMatchObject({
      kind: 'context_overflow',
      status: 400,
    });
    expect(toLlmProviderError(apiError(400, openAiBody('model_not_found')), openai)).toMatchObject({
      kind: 'model_not_found',
    });
    expect(toLlmProviderError(apiError(400, openAiBody('content_policy_violation')), openai)).toMatchObject({
      kind: 'content_filter',
      fallback: false,
    });
  });

  it('reads Anthropic error types', () => {
    expect(toLlmProviderError(apiError(529, anthropicBody('overloaded_error', 'Overloaded')), anthropic)).toMatchObject(
      { kind: 'server_error', status: 529 },
    );
    expect(
      toLlmProviderError(apiError(404, anthropicBody('not_found_error', 'model: claude-x')), anthropic, {
        model: 'claude-x',
      }).message,
    ).toBe('Anthropic does not offer the model "claude-x", or this key may not use it (404).');
    const tooLong = anthropicBody('invalid_request_error', 'prompt is too long: 208310 tokens > 200000 maximum');
    expect(toLlmProviderError(apiError(400, tooLong), anthropic)).toMatchObject({ kind: 'context_overflow' });
    expect(
      toLlmProviderError(
        apiError(413, anthropicBody('request_too_large', 'Request exceeds the maximum size')),
        anthropic,
      ).kind,
    ).toBe('context_overflow');
  });

  it('maps statuses, with Retry-After in seconds or as a date', () => {
    expect(toLlmProviderError(apiError(403, {}), openai)).toMatchObject({ kind: 'auth', status: 403 });
    expect(toLlmProviderError(apiError(429, {}, { 'retry-after': '12' }), openai)).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 12_000,
    });
    const at = new Date(Date.now() + 60_000).toUTCString();
    const dated = toLlmProviderError(apiError(503, 'Service Unavailable', { 'retry-after': at }), openai);
    expect(dated).toMatchObject({ kind: 'server_error', status: 503 });
    expect(dated.retryAfterMs).toBeGreaterThan(50_000);
    expect(toLlmProviderError(apiError(408, ''), openai).kind).toBe('timeout');
  });

  it('keeps the vendor’s reason for a plain bad request, which is the caller’s to fix', () => {
    const error = toLlmProviderError(apiError(400, openAiBody(null, 'temperature must be at most 2')), openai);
    expect(error).toMatchObject({
      kind: 'bad_request',
      fallback: false,
      message: 'OpenAI rejected the request (400): temperature must be at most 2',
    });
  });

  it('types transport failures found anywhere in the cause chain', () => {
    const refused = new HttpNetworkError(
      'POST',
      'http://127.0.0.1:9/v1',
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    );
    const wrapped = new APICallError({
      message: 'Cannot connect to API',
      url: 'x',
      requestBodyValues: {},
      cause: refused,
    });
    expect(toLlmProviderError(wrapped, openai)).toMatchObject({ kind: 'connection_refused' });
    const reset = new TypeError('terminated', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(toLlmProviderError(reset, openai).kind).toBe('server_error');
    expect(toLlmProviderError(new HttpTimeoutError('POST', 'x', 500), openai)).toMatchObject({
      kind: 'timeout',
      message: 'OpenAI did not answer within 500 ms.',
    });
  });

  it('types SDK errors and aborts', () => {
    expect(toLlmProviderError(new NoSuchModelError({ modelId: 'm', modelType: 'languageModel' }), openai).kind).toBe(
      'model_not_found',
    );
    expect(toLlmProviderError(new JSONParseError({ text: '{', cause: new SyntaxError('x') }), openai).kind).toBe(
      'malformed_response',
    );
    expect(toLlmProviderError(new DOMException('stop', 'AbortError'), openai).kind).toBe('cancelled');
    expect(toLlmProviderError(new Error('boom'), openai)).toMatchObject({
      kind: 'server_error',
      message: 'The call to OpenAI failed unexpectedly.',
    });
  });

  it('returns an already typed error as it is', () => {
    const typed = new LlmProviderError({ kind: 'auth', providerId: 'openai', message: 'No key' });
    expect(toLlmProviderError(typed, anthropic)).toBe(typed);
  });
});
