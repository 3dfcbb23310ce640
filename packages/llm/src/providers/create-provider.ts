/**
 * Builds the adapter for a configured provider. The only place that knows which file serves
 * which `ProviderKind`; the gateway calls this once per configured provider.
 *
 * The vendor files (the AI SDK and its providers: ~14 MB of heap) are loaded on a provider's first
 * call, not when Plume starts: most instances use one provider, and the API process may use none.
 */
import type { HttpClient } from '@plume/http/http-client';
import { LlmProviderError, type LlmProvider, type ProviderSettings } from '../provider-contract.ts';

type Deps = { http: HttpClient };

async function loadProvider(settings: ProviderSettings, deps: Deps): Promise<LlmProvider> {
  switch (settings.kind) {
    case 'ollama':
      return (await import('./ollama.ts')).createOllamaProvider(settings, deps.http);
    case 'openai':
      return (await import('./openai.ts')).createOpenAiProvider(settings, deps);
    case 'anthropic':
      return (await import('./anthropic.ts')).createAnthropicProvider(settings, deps);
    case 'groq':
      return (await import('./groq.ts')).createGroqProvider(settings, deps);
    case 'perplexity':
      return (await import('./perplexity.ts')).createPerplexityProvider(settings, deps);
    case 'meta':
    case 'openai_compatible':
      return (await import('./openai-compatible.ts')).createOpenAiCompatibleProvider(settings, deps);
  }
}

/**
 * Dispatches on `settings.kind`. All outbound HTTP goes through `deps.http`, whose SSRF policy
 * must allow the local servers the admin configured (Ollama, vLLM on a LAN address).
 * @example createProvider({ id: 'openai', kind: 'openai', apiKey }, { http }).generate(call)
 */
export function createProvider(settings: ProviderSettings, deps: Deps): LlmProvider {
  // Checked here, not only in the vendor file, so an unusable configuration still fails at once.
  if (settings.kind === 'openai_compatible' && settings.baseUrl === undefined) {
    throw new LlmProviderError({
      kind: 'bad_request',
      providerId: settings.id,
      message: `The server "${settings.id}" needs a base URL, e.g. http://127.0.0.1:8000/v1.`,
    });
  }
  let loaded: Promise<LlmProvider> | null = null;
  const provider = () => (loaded ??= loadProvider(settings, deps));
  return {
    id: settings.id,
    kind: settings.kind,
    generate: async (call) => (await provider()).generate(call),
    listModels: async (signal) => (await provider()).listModels(signal),
    health: async (signal) => (await provider()).health(signal),
  };
}
