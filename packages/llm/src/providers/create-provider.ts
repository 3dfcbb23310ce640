/**
 * Builds the adapter for a configured provider. The only place that knows which file serves
 * which `ProviderKind`; the gateway calls this once per configured provider.
 */
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { createAnthropicProvider } from './anthropic.ts';
import { createGroqProvider } from './groq.ts';
import { createOllamaProvider } from './ollama.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible.ts';
import { createOpenAiProvider } from './openai.ts';
import { createPerplexityProvider } from './perplexity.ts';

/**
 * Dispatches on `settings.kind`. All outbound HTTP goes through `deps.http`, whose SSRF policy
 * must allow the local servers the admin configured (Ollama, vLLM on a LAN address).
 * @example createProvider({ id: 'openai', kind: 'openai', apiKey }, { http }).generate(call)
 */
export function createProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  switch (settings.kind) {
    case 'ollama':
      return createOllamaProvider(settings, deps.http);
    case 'openai':
      return createOpenAiProvider(settings, deps);
    case 'anthropic':
      return createAnthropicProvider(settings, deps);
    case 'groq':
      return createGroqProvider(settings, deps);
    case 'perplexity':
      return createPerplexityProvider(settings, deps);
    case 'meta':
    case 'openai_compatible':
      return createOpenAiCompatibleProvider(settings, deps);
  }
}
