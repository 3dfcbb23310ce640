/**
 * The Ollama provider: generations through the Vercel AI SDK with `ai-sdk-ollama`, always streamed,
 * so the first token time is real and a long generation never hits fetch's 300 s no-bytes limit.
 * Every request goes through `@plume/http`. `num_ctx` is always sent (Ollama's own default is small
 * and silently truncates prompts); `keep_alive` and `format: "json"` when the call asks.
 */
import { createOllama } from 'ai-sdk-ollama';
import { Output, streamText } from 'ai';
import type { FinishReason } from 'ai';
import { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import { LlmProviderError } from '../provider-contract.ts';
import type {
  LlmProvider,
  ModelAnswer,
  ModelCall,
  ModelInfo,
  ProviderHealth,
  ProviderSettings,
} from '../provider-contract.ts';
import { createOllamaFetch, createOllamaHttpClient, DEFAULT_OLLAMA_URL } from '../ollama/ollama-http.ts';
import type { LastResponse } from '../ollama/ollama-http.ts';
import { startCallDeadline } from './call-deadline.ts';
import { toModelMessage } from './model-messages.ts';
import { toOllamaError } from './ollama-errors.ts';
import type { OllamaFailureContext } from './ollama-errors.ts';

/** Context window sent when a call sets none (Ollama's default would truncate our prompts). */
export const DEFAULT_NUM_CTX = 8192;
/** Whole-call deadline by default: local models on a CPU can be slow. */
export const DEFAULT_OLLAMA_TIMEOUT_MS = 10 * 60_000;
/** Longest silence between streamed chunks (and before the first one) by default. */
export const DEFAULT_OLLAMA_IDLE_TIMEOUT_MS = 120_000;
/** Budget of the small management calls (`/api/tags`, `/api/version`). */
const LIST_TIMEOUT_MS = 10_000;

const TagsSchema = z.object({
  models: z.array(z.object({ name: z.string(), size: z.number().optional() })),
});
const VersionSchema = z.object({ version: z.string() });

/**
 * Creates the provider for one configured Ollama server.
 * @example
 * const ollama = createOllamaProvider({ id: 'ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434' });
 * const answer = await ollama.generate({ model: 'llama3.2:3b', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createOllamaProvider(settings: ProviderSettings, http?: HttpClient): LlmProvider {
  const baseUrl = (settings.baseUrl ?? DEFAULT_OLLAMA_URL).replace(/\/+$/, '');
  const client = http ?? createOllamaHttpClient(baseUrl);
  const failure = (
    model: string,
    lastResponse: LastResponse = { status: undefined, retryAfterMs: undefined },
  ): OllamaFailureContext => ({
    providerId: settings.id,
    baseUrl,
    model,
    stopped: undefined,
    timeoutMs: LIST_TIMEOUT_MS,
    idleTimeoutMs: LIST_TIMEOUT_MS,
    lastResponse,
  });

  async function generate(call: ModelCall): Promise<ModelAnswer> {
    const timeoutMs = call.timeoutMs ?? DEFAULT_OLLAMA_TIMEOUT_MS;
    const idleTimeoutMs = call.idleTimeoutMs ?? DEFAULT_OLLAMA_IDLE_TIMEOUT_MS;
    const control = startCallDeadline({ signal: call.signal, timeoutMs, idleTimeoutMs });
    const lastResponse: LastResponse = { status: undefined, retryAfterMs: undefined };
    // One SDK provider per call: its fetch carries this call's signal and records its responses.
    const ollama = createOllama({
      baseURL: baseUrl,
      fetch: createOllamaFetch(client, { signal: control.signal, timeoutMs, lastResponse }),
    });
    const model = ollama(call.model, {
      options: { num_ctx: call.numCtx ?? DEFAULT_NUM_CTX },
      ...(call.keepAlive === undefined ? {} : { keep_alive: call.keepAlive }),
    });
    const startedAt = performance.now();
    try {
      const result = streamText({
        model,
        instructions: call.system,
        messages: call.messages.map(toModelMessage),
        temperature: call.temperature,
        maxOutputTokens: call.maxOutputTokens,
        maxRetries: 0,
        abortSignal: control.signal,
        // Errors are read from the stream below; the SDK's default handler would also log them.
        onError: () => undefined,
        ...(call.responseFormat === 'json' ? { output: Output.json() } : {}),
      });
      let text = '';
      let firstTokenMs: number | undefined;
      let answeredBy = call.model;
      for await (const part of result.fullStream) {
        control.touch();
        if (part.type === 'text-delta') {
          firstTokenMs ??= performance.now() - startedAt;
          text += part.text;
          call.onDelta?.(part.text);
        } else if (part.type === 'error') {
          throw part.error;
        } else if (part.type === 'abort') {
          throw new Error('stream aborted');
        } else if (part.type === 'finish-step') {
          // ai-sdk-ollama passes the final chunk's `model` on as provider metadata.
          const reported = part.providerMetadata?.['ollama']?.['model'];
          if (typeof reported === 'string') answeredBy = reported;
        } else if (part.type === 'finish') {
          const latencyMs = performance.now() - startedAt;
          const inputTokens = part.totalUsage.inputTokens ?? 0;
          const outputTokens = part.totalUsage.outputTokens ?? 0;
          if (part.finishReason === 'length' && outputTokens === 0) throw overflow(settings.id, call, inputTokens);
          return {
            text,
            inputTokens,
            outputTokens,
            latencyMs: Math.round(latencyMs),
            firstTokenMs: Math.round(firstTokenMs ?? latencyMs),
            finishReason: toFinishReason(part.finishReason),
            model: answeredBy,
          };
        }
      }
      throw new Error('the stream ended without a final chunk');
    } catch (error) {
      throw toOllamaError(error, {
        ...failure(call.model, lastResponse),
        stopped: control.reason,
        timeoutMs,
        idleTimeoutMs,
      });
    } finally {
      control.dispose();
    }
  }

  async function listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    try {
      const tags = await client.getJson(`${baseUrl}/api/tags`, {
        schema: TagsSchema,
        signal,
        timeoutMs: LIST_TIMEOUT_MS,
      });
      return tags.models.map((model) => ({ id: model.name, sizeBytes: model.size }));
    } catch (error) {
      throw toOllamaError(error, { ...failure('(list)'), stopped: signal?.aborted === true ? 'cancelled' : undefined });
    }
  }

  async function health(signal?: AbortSignal): Promise<ProviderHealth> {
    const startedAt = performance.now();
    try {
      const { version } = await client.getJson(`${baseUrl}/api/version`, {
        schema: VersionSchema,
        signal,
        timeoutMs: LIST_TIMEOUT_MS,
      });
      const models = await listModels(signal);
      const latencyMs = Math.round(performance.now() - startedAt);
      if (models.length === 0) {
        return {
          ok: false,
          latencyMs,
          models: 0,
          reason: `Ollama ${version} is running at ${baseUrl} but has no models: pull one on the Models page.`,
        };
      }
      return { ok: true, latencyMs, models: models.length };
    } catch (error) {
      const reason = toOllamaError(error, {
        ...failure('(health)'),
        stopped: signal?.aborted === true ? 'cancelled' : undefined,
      }).message;
      return { ok: false, latencyMs: Math.round(performance.now() - startedAt), reason };
    }
  }

  return { id: settings.id, kind: 'ollama', generate, listModels, health };
}

/**
 * Ollama fills the context window with the prompt and stops with `done_reason: "length"` before
 * generating anything when the prompt does not fit `num_ctx`; with output, "length" only means
 * `num_predict` (maxOutputTokens) cut the answer, which is a normal, truncated answer.
 */
function overflow(providerId: string, call: ModelCall, inputTokens: number): LlmProviderError {
  const numCtx = call.numCtx ?? DEFAULT_NUM_CTX;
  return new LlmProviderError({
    kind: 'context_overflow',
    providerId,
    message: `The prompt (${inputTokens} tokens) fills the ${numCtx}-token context window of ${call.model}, so nothing was generated. Shorten it or raise the context length.`,
  });
}

function toFinishReason(reason: FinishReason): ModelAnswer['finishReason'] {
  if (reason === 'stop' || reason === 'length') return reason;
  return reason === 'content-filter' ? 'content_filter' : 'other';
}
