/**
 * The one way cloud providers generate: `streamText` with the SDK's retries off (the router owns
 * fallbacks), deltas passed on as they arrive, the first token timed, the call's deadlines honoured
 * and every failure typed. Providers differ only in the model object and how they ask for JSON.
 */
import { jsonSchema, Output, streamText } from 'ai';
import type { FinishReason, LanguageModel, OutputInterface } from 'ai';
import type { ModelAnswer, ModelCall } from '../provider-contract.ts';
import { LlmProviderError } from '../provider-contract.ts';
import { toLlmProviderError } from './ai-sdk-errors.ts';
import type { ProviderIdentity } from './ai-sdk-errors.ts';
import { startCallDeadline } from './call-deadline.ts';
import { toModelMessage } from './model-messages.ts';
import type { CallDeadline } from './call-deadline.ts';

/**
 * How a vendor is asked for a JSON object when the call has no schema:
 * - `json_object`: OpenAI's JSON mode, `response_format: {type: "json_object"}` (OpenAI, Groq, Meta, vLLM…)
 * - `json_schema`: `response_format` with an open object schema (Perplexity has no schema-less mode)
 * - `instruction`: the system prompt only (Anthropic's structured outputs need a closed schema)
 * Every strategy also says so in the system prompt; OpenAI's JSON mode refuses prompts that don't.
 */
export type JsonStrategy = 'json_object' | 'json_schema' | 'instruction';

export const JSON_INSTRUCTION = 'Answer with a single JSON object and nothing else.';

/** Per-vendor knobs of `generateWithSdk`. */
export interface SdkCallOptions {
  provider: ProviderIdentity;
  json: JsonStrategy;
}

/**
 * Runs one call. Rejects only with `LlmProviderError`.
 * @example await generateWithSdk(openai.chat('gpt-4o-mini'), { model: 'gpt-4o-mini', messages }, { provider, json: 'json_object' })
 */
export async function generateWithSdk(
  model: LanguageModel,
  call: ModelCall,
  options: SdkCallOptions,
): Promise<ModelAnswer> {
  const startedAt = performance.now();
  const deadline = startCallDeadline(call);
  const isJson = call.responseFormat === 'json';
  try {
    const result = streamText({
      model,
      system: isJson ? [call.system, JSON_INSTRUCTION].filter(Boolean).join('\n\n') : call.system,
      messages: call.messages.map(toModelMessage),
      maxOutputTokens: call.maxOutputTokens,
      temperature: call.temperature,
      maxRetries: 0,
      abortSignal: deadline.signal,
      // Failures arrive as `error` parts below; the SDK's default handler would print them to stderr.
      onError: () => undefined,
      ...(isJson ? { output: jsonOutput(options.json) } : {}),
    });
    let text = '';
    let firstTokenMs: number | undefined;
    let answeredBy = call.model;
    for await (const part of result.fullStream) {
      deadline.touch();
      if (part.type === 'text-delta' && part.text !== '') {
        firstTokenMs ??= elapsedMs(startedAt);
        text += part.text;
        call.onDelta?.(part.text);
      } else if (part.type === 'finish-step') {
        answeredBy = part.response.modelId;
      } else if (part.type === 'finish') {
        const latencyMs = elapsedMs(startedAt);
        const usage = part.totalUsage;
        const answer = {
          text,
          inputTokens: usage.inputTokens ?? 0,
          outputTokens: usage.outputTokens ?? 0,
          latencyMs,
          model: answeredBy,
        };
        return { ...answer, firstTokenMs: firstTokenMs ?? latencyMs, finishReason: toFinishReason(part.finishReason) };
      } else if (part.type === 'error') {
        throw part.error;
      } else if (part.type === 'abort') {
        break;
      }
    }
    throw deadline.reason === undefined
      ? new LlmProviderError({
          kind: 'malformed_response',
          providerId: options.provider.id,
          message: `${options.provider.label} ended the answer without finishing it.`,
        })
      : deadlineError(deadline, call, options.provider);
  } catch (error) {
    if (deadline.reason !== undefined) throw deadlineError(deadline, call, options.provider, error);
    throw toLlmProviderError(error, options.provider, { model: call.model });
  } finally {
    deadline.dispose();
  }
}

function jsonOutput(strategy: JsonStrategy): OutputInterface | undefined {
  if (strategy === 'json_object') return Output.json();
  if (strategy === 'json_schema')
    return Output.object({ schema: jsonSchema<Record<string, unknown>>({ type: 'object' }) });
  return undefined;
}

function deadlineError(
  deadline: CallDeadline,
  call: ModelCall,
  provider: ProviderIdentity,
  cause?: unknown,
): LlmProviderError {
  const base = { providerId: provider.id, cause };
  if (deadline.reason === 'cancelled')
    return new LlmProviderError({
      ...base,
      kind: 'cancelled',
      message: `The call to ${provider.label} was cancelled.`,
    });
  const message =
    deadline.reason === 'idle'
      ? `${provider.label} sent nothing for ${call.idleTimeoutMs} ms.`
      : `${provider.label} did not finish within ${call.timeoutMs} ms.`;
  return new LlmProviderError({ ...base, kind: 'timeout', message });
}

function toFinishReason(reason: FinishReason): ModelAnswer['finishReason'] {
  if (reason === 'stop' || reason === 'length') return reason;
  return reason === 'content-filter' ? 'content_filter' : 'other';
}

function elapsedMs(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}
