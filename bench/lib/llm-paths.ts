// The four ways `npm run bench:llm` asks the Ollama fake for an answer, each one request at a time:
// the AI SDK straight (`streamText` with ai-sdk-ollama, global fetch), our Ollama provider (the AI SDK
// over `@plume/http`, what the gateway calls), the gateway with a new prompt each time (a cache miss),
// and the gateway with one repeated prompt (a cache hit). Each returns a check of what it got back.
import type { GenerateRequest } from '@plume/llm/gateway/gateway';
import type { ModelCall } from '@plume/llm/provider-contract';
import { streamText } from 'ai';
import { createOllama } from 'ai-sdk-ollama';
import type { LlmStack } from './llm-setup.ts';

export const PATHS = ['sdk', 'provider', 'gateway', 'cacheHit'] as const;
export type PathName = (typeof PATHS)[number];

export const PATH_LABELS: Record<PathName, string> = {
  sdk: 'AI SDK `streamText` + ai-sdk-ollama, direct',
  provider: 'Our Ollama provider (`provider.generate`, the AI SDK over `@plume/http`)',
  gateway: 'Gateway, cache miss (`gateway.generate`, a new prompt each time)',
  cacheHit: 'Gateway, cache hit (the same request repeated)',
};

/** What every path asks: the gateway's own choices for this call (model `auto` → llama3.2:3b, num_ctx 8192). */
export const MODEL = 'llama3.2:3b';
const NUM_CTX = 8192;
const SYSTEM = 'You write short captions for social media posts.';
const MAX_OUTPUT = 200;

/** A prompt of the same length for every path; `tag` keeps them unique so nothing is served from the cache. */
export const promptOf = (tag: string) =>
  `Write a caption about fresh sourdough bread from the corner bakery, request ${tag}.`;
const expected = (prompt: string) => `You said: ${prompt}`;

export type Outcome = { ok: boolean; cacheHit?: boolean };
export type PathRunner = (tag: string) => Promise<Outcome>;

export function createPaths(stack: LlmStack): Record<PathName, PathRunner> {
  const ollama = createOllama({ baseURL: stack.fake.url });
  const sdkModel = ollama(MODEL, { options: { num_ctx: NUM_CTX } });
  const request = (prompt: string): GenerateRequest => ({
    workspaceId: stack.workspaceId,
    userId: null,
    task: 'caption',
    call: { system: SYSTEM, messages: [{ role: 'user', content: prompt }], maxOutputTokens: MAX_OUTPUT },
  });
  const repeated = request(promptOf('repeated'));

  return {
    async sdk(tag) {
      const prompt = promptOf(tag);
      const result = streamText({
        model: sdkModel,
        instructions: SYSTEM,
        messages: [{ role: 'user', content: prompt }],
        maxOutputTokens: MAX_OUTPUT,
        maxRetries: 0,
      });
      let text = '';
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') text += part.text;
        else if (part.type === 'error') throw part.error;
      }
      return { ok: text === expected(prompt) };
    },
    async provider(tag) {
      const prompt = promptOf(tag);
      const call: ModelCall = {
        model: MODEL,
        system: SYSTEM,
        messages: [{ role: 'user', content: prompt }],
        maxOutputTokens: MAX_OUTPUT,
        numCtx: NUM_CTX,
      };
      const answer = await stack.provider.generate(call);
      return { ok: answer.text === expected(prompt) };
    },
    async gateway(tag) {
      const prompt = promptOf(tag);
      const result = await stack.services.gateway.generate(request(prompt));
      return {
        ok: result.text === expected(prompt) && result.provider === 'ollama' && result.model === MODEL,
        cacheHit: result.cacheHit,
      };
    },
    async cacheHit() {
      const result = await stack.services.gateway.generate(repeated);
      return { ok: result.text === expected(promptOf('repeated')), cacheHit: result.cacheHit };
    },
  };
}
