/**
 * A fake of Anthropic's Messages API. Follows docs.anthropic.com (now platform.claude.com/docs):
 * - api/messages (POST /v1/messages: `x-api-key` and `anthropic-version` headers, required `max_tokens`,
 *   top-level `system`, `stop_reason` end_turn | max_tokens, `usage.input_tokens`/`output_tokens`)
 * - build-with-claude/streaming (message_start, content_block_start, ping, content_block_delta
 *   `text_delta`, content_block_stop, message_delta with `usage.output_tokens`, message_stop)
 * - api/models-list (GET /v1/models: `data`, `has_more`, `first_id`, `last_id`)
 * - api/errors (`{"type":"error","error":{"type","message"},"request_id"}`: 400 invalid_request_error —
 *   "prompt is too long: N tokens > M maximum" —, 401 authentication_error, 404 not_found_error,
 *   429 rate_limit_error with `retry-after`, 500 api_error, 529 overloaded_error)
 */
import type { ServerResponse } from 'node:http';
import { promptTokens, startLlmFakeServer } from './llm-fake-server.ts';
import type { FakePrompt, LlmFakeContext, LlmFakeControls, LlmFakeModel, LlmFakeRequest } from './llm-fake-server.ts';
import { countTokens, splitIntoChunks, truncateToTokens, writeJson, writeSse } from './sse.ts';
import type { SseEvent } from './sse.ts';

/** Options of the Anthropic fake. */
export interface AnthropicFakeOptions {
  /** The accepted `x-api-key`. Default `test-anthropic-key`. */
  apiKey?: string;
  models?: readonly LlmFakeModel[];
}

export const ANTHROPIC_FAKE_MODELS: readonly LlmFakeModel[] = [
  { id: 'claude-sonnet-4-5', contextWindow: 200_000 },
  { id: 'claude-tiny-context', contextWindow: 50 },
];

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

/** Starts the fake on 127.0.0.1; point a provider at `${fake.url}/v1`. */
export async function startAnthropicFake(options: AnthropicFakeOptions = {}): Promise<LlmFakeControls> {
  const apiKey = options.apiKey ?? 'test-anthropic-key';
  return startLlmFakeServer({
    models: options.models ?? ANTHROPIC_FAKE_MODELS,
    errorBody: (status) => anthropicError(status, status === 529 ? 'Overloaded' : `Injected ${status}`),
    handler: async (request, res, context) => {
      if (request.headers['x-api-key'] !== apiKey) {
        writeJson(res, 401, anthropicError(401, 'invalid x-api-key'));
      } else if (request.headers['anthropic-version'] === undefined) {
        writeJson(res, 400, anthropicError(400, 'anthropic-version: header is required'));
      } else if (request.method === 'GET' && request.path.endsWith('/models')) {
        const data = context.models.map((model) => ({
          type: 'model',
          id: model.id,
          display_name: model.id,
          created_at: '2025-01-01T00:00:00Z',
        }));
        writeJson(res, 200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
      } else if (request.method === 'POST' && request.path.endsWith('/messages')) {
        await createMessage(request, res, context);
      } else {
        writeJson(res, 404, anthropicError(404, `Not found: ${request.method} ${request.path}`));
      }
    },
  });
}

/** Anthropic's error envelope for a status. */
export function anthropicError(status: number, message: string): unknown {
  return {
    type: 'error',
    error: { type: ERROR_TYPES[status] ?? 'api_error', message },
    request_id: `req_fake${status}`,
  };
}

interface MessagesBody {
  model?: string;
  max_tokens?: number;
  system?: unknown;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
}

async function createMessage(request: LlmFakeRequest, res: ServerResponse, context: LlmFakeContext): Promise<void> {
  const body = (request.body ?? {}) as MessagesBody;
  if (typeof body.max_tokens !== 'number') {
    writeJson(res, 400, anthropicError(400, 'max_tokens: Field required'));
    return;
  }
  const model = context.models.find((candidate) => candidate.id === body.model);
  if (model === undefined) {
    writeJson(res, 404, anthropicError(404, `model: ${String(body.model)}`));
    return;
  }
  const prompt: FakePrompt = {
    model: model.id,
    system: textOf(body.system),
    messages: (body.messages ?? []).map((message) => ({ role: message.role, content: textOf(message.content) })),
    json: false,
  };
  const inputTokens = promptTokens(prompt);
  if (inputTokens + body.max_tokens > model.contextWindow) {
    writeJson(
      res,
      400,
      anthropicError(
        400,
        `prompt is too long: ${inputTokens + body.max_tokens} tokens > ${model.contextWindow} maximum`,
      ),
    );
    return;
  }
  const answer = truncateToTokens(context.answer(prompt), body.max_tokens);
  const stopReason = answer.truncated ? 'max_tokens' : 'end_turn';
  const outputTokens = countTokens(answer.text);
  const message = {
    id: `msg_fake${Date.now()}`,
    type: 'message',
    role: 'assistant',
    model: model.id,
    stop_sequence: null,
  };

  if (body.stream !== true) {
    if (context.malformed) return writeJson(res, 200, '{"type": "message", "content": [');
    const content = [{ type: 'text', text: answer.text }];
    return writeJson(res, 200, {
      ...message,
      content,
      stop_reason: stopReason,
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    });
  }
  const event = (type: string, data: object): SseEvent => ({ event: type, data: { type, ...data } });
  const events: SseEvent[] = [
    event('message_start', {
      message: { ...message, content: [], stop_reason: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    event('ping', {}),
  ];
  if (context.malformed)
    events.push({ event: 'content_block_delta', data: '{"type": "content_block_delta", "delta": ' });
  for (const piece of splitIntoChunks(answer.text))
    events.push(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } }));
  events.push(
    event('content_block_stop', { index: 0 }),
    event('message_delta', {
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    }),
    event('message_stop', {}),
  );
  await writeSse(res, events, context.chunkDelayMs);
}

/** `system` and message `content` are a string or an array of blocks; only text blocks count. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: { type?: string; text?: string }) => (block.type === 'text' ? (block.text ?? '') : ''))
    .join('\n');
}
