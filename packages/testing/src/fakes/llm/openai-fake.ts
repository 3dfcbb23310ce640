/**
 * A fake of OpenAI's Chat Completions API, which also stands in for every server that copies it
 * (Groq `/openai/v1`, Perplexity, Meta Llama API `/compat/v1`, vLLM, LM Studio): every path ending in
 * `/chat/completions` or `/models` is served, so a provider only differs by its base URL.
 *
 * Follows platform.openai.com/docs/api-reference:
 * - chat/create (non-streamed `chat.completion` with `usage`; streamed `chat.completion.chunk` events,
 *   a final chunk with `choices: []` and `usage` when `stream_options.include_usage`, then `data: [DONE]`)
 * - guides/structured-outputs#json-mode (`response_format: {type: "json_object"}`; 400 unless a message says "JSON")
 * - models/list (`{object: "list", data: [...]}`; Groq's docs add `context_window`, served too)
 * - guides/error-codes (401 `invalid_api_key`, 404 `model_not_found`, 400 `context_length_exceeded`, 429, 500, 503)
 */
import type { ServerResponse } from 'node:http';
import { promptTokens, startLlmFakeServer } from './llm-fake-server.ts';
import type { FakePrompt, LlmFakeContext, LlmFakeControls, LlmFakeModel, LlmFakeRequest } from './llm-fake-server.ts';
import { countTokens, splitIntoChunks, truncateToTokens, writeJson, writeSse } from './sse.ts';
import type { SseEvent } from './sse.ts';

/** Options of the OpenAI-compatible fake. */
export interface OpenAiFakeOptions {
  /** The accepted `Authorization: Bearer` key; `null` serves without auth (like a local vLLM). Default `test-openai-key`. */
  apiKey?: string | null;
  models?: readonly LlmFakeModel[];
  /**
   * Where a stream reports usage besides OpenAI's `stream_options.include_usage` chunk:
   * Groq puts it in `x_groq.usage` of the last chunk (console.groq.com/docs/api-reference#chat-create),
   * Perplexity in `usage` of the last chunk (docs.perplexity.ai/api-reference/chat-completions-post).
   */
  flavor?: 'openai' | 'groq' | 'perplexity';
}

export const OPENAI_FAKE_MODELS: readonly LlmFakeModel[] = [
  { id: 'gpt-4o-mini', contextWindow: 128_000 },
  { id: 'tiny-context', contextWindow: 50 },
];

/** Starts the fake on 127.0.0.1; point a provider at `${fake.url}/v1` (or any prefix). */
export async function startOpenAiFake(options: OpenAiFakeOptions = {}): Promise<LlmFakeControls> {
  const apiKey = options.apiKey === undefined ? 'test-openai-key' : options.apiKey;
  return startLlmFakeServer({
    models: options.models ?? OPENAI_FAKE_MODELS,
    errorBody: (status) =>
      openAiError(
        status === 429 ? 'Rate limit reached for requests' : 'The server had an error',
        status === 429 ? 'requests' : 'server_error',
        null,
      ),
    handler: async (request, res, context) => {
      if (apiKey !== null && !isAuthorized(request, apiKey)) {
        writeJson(
          res,
          401,
          openAiError(`Incorrect API key provided: ${maskKey(request)}.`, 'invalid_request_error', 'invalid_api_key'),
        );
      } else if (request.method === 'GET' && request.path.endsWith('/models')) {
        writeJson(res, 200, listModels(context.models));
      } else if (request.method === 'POST' && request.path.endsWith('/chat/completions')) {
        await completeChat(request, res, context, options.flavor ?? 'openai');
      } else {
        writeJson(
          res,
          404,
          openAiError(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null),
        );
      }
    },
  });
}

interface ChatBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type?: string };
  max_tokens?: number;
  max_completion_tokens?: number;
}

async function completeChat(
  request: LlmFakeRequest,
  res: ServerResponse,
  context: LlmFakeContext,
  flavor: OpenAiFakeOptions['flavor'],
): Promise<void> {
  const body = (request.body ?? {}) as ChatBody;
  const model = context.models.find((candidate) => candidate.id === body.model);
  if (model === undefined) {
    writeJson(
      res,
      404,
      openAiError(
        `The model \`${String(body.model)}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      ),
    );
    return;
  }
  const messages = (body.messages ?? []).map((message) => ({ role: message.role, content: textOf(message.content) }));
  const prompt: FakePrompt = {
    model: model.id,
    system: messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map((m) => m.content)
      .join('\n'),
    messages: messages.filter((m) => m.role === 'user' || m.role === 'assistant'),
    json: body.response_format?.type === 'json_object' || body.response_format?.type === 'json_schema',
  };
  if (body.response_format?.type === 'json_object' && !messages.some((m) => /json/i.test(m.content))) {
    writeJson(
      res,
      400,
      openAiError(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'invalid_request_error',
        null,
      ),
    );
    return;
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const inputTokens = promptTokens(prompt);
  if (inputTokens + (maxTokens ?? 0) > model.contextWindow) {
    const message = `This model's maximum context length is ${model.contextWindow} tokens. However, you requested ${inputTokens + (maxTokens ?? 0)} tokens. Please reduce the length of the messages or completion.`;
    writeJson(res, 400, openAiError(message, 'invalid_request_error', 'context_length_exceeded'));
    return;
  }
  const answer = truncateToTokens(context.answer(prompt), maxTokens);
  const finishReason = answer.truncated ? 'length' : 'stop';
  const usage = {
    prompt_tokens: inputTokens,
    completion_tokens: countTokens(answer.text),
    total_tokens: inputTokens + countTokens(answer.text),
  };
  const base = {
    id: `chatcmpl-fake${Date.now()}`,
    created: Math.floor(Date.now() / 1000),
    model: model.id,
    system_fingerprint: 'fp_fake',
  };

  if (body.stream !== true) {
    if (context.malformed) return writeJson(res, 200, '{"id": "chatcmpl-broken", "choices": [');
    const choice = {
      index: 0,
      message: { role: 'assistant', content: answer.text, refusal: null },
      logprobs: null,
      finish_reason: finishReason,
    };
    return writeJson(res, 200, { ...base, object: 'chat.completion', choices: [choice], usage });
  }
  const chunk = (delta: object, finish: string | null, extra: object = {}): SseEvent => ({
    data: {
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...extra,
    },
  });
  const events: SseEvent[] = [chunk({ role: 'assistant', content: '' }, null)];
  if (context.malformed) events.push({ data: '{"choices": [{"delta": {"content": ' });
  for (const piece of splitIntoChunks(answer.text)) events.push(chunk({ content: piece }, null));
  const vendorUsage =
    flavor === 'groq' ? { x_groq: { id: 'req_fake', usage } } : flavor === 'perplexity' ? { usage } : {};
  events.push(chunk({}, finishReason, vendorUsage));
  if (body.stream_options?.include_usage === true)
    events.push({ data: { ...base, object: 'chat.completion.chunk', choices: [], usage } });
  events.push({ data: '[DONE]' });
  await writeSse(res, events, context.chunkDelayMs);
}

function listModels(models: readonly LlmFakeModel[]): unknown {
  const data = models.map((model) => ({
    id: model.id,
    object: 'model',
    created: 1_700_000_000,
    owned_by: 'plume-fake',
    context_window: model.contextWindow,
  }));
  return { object: 'list', data };
}

/** OpenAI's error envelope. */
export function openAiError(message: string, type: string, code: string | null): unknown {
  return { error: { message, type, param: null, code } };
}

function isAuthorized(request: LlmFakeRequest, apiKey: string): boolean {
  return request.headers.authorization === `Bearer ${apiKey}`;
}

/** Like OpenAI, the refusal shows only the key's last four characters. */
function maskKey(request: LlmFakeRequest): string {
  const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return `${'*'.repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;
}

/** Message content is a string or an array of parts; only text parts count. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: string; text?: string }) => (part.type === 'text' ? (part.text ?? '') : ''))
    .join('');
}
