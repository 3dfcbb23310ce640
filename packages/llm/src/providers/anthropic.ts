/**
 * Anthropic through `@ai-sdk/anthropic` (Messages API). Docs: docs.anthropic.com/en/api/messages,
 * /en/api/models-list. JSON is asked for in the system prompt: Anthropic's structured outputs
 * need a closed schema, which a schema-less `responseFormat: 'json'` call does not have.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { fetchModelList } from './model-list.ts';
import { createSdkFetch } from './sdk-fetch.ts';
import { baseUrlOf, createSdkProvider } from './sdk-provider.ts';

export const ANTHROPIC_BASE_URL = 'https://api.anthropic.com/v1';
/** The API version the model list is requested with (the SDK sends its own on messages). */
const ANTHROPIC_VERSION = '2023-06-01';

/** The Anthropic provider (kind `anthropic`). */
export function createAnthropicProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  const baseURL = baseUrlOf(settings, ANTHROPIC_BASE_URL);
  const apiKey = settings.apiKey ?? '';
  const anthropic = createAnthropic({ apiKey, baseURL, fetch: createSdkFetch(deps.http) });
  const headers = { 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION };
  return createSdkProvider({
    settings,
    kind: 'anthropic',
    label: 'Anthropic',
    json: 'instruction',
    requiresKey: true,
    languageModel: (modelId) => anthropic(modelId),
    // One page of up to 1000 models (the documented maximum `limit`) covers every account today.
    listModels: (signal) => fetchModelList(deps.http, `${baseURL}/models?limit=1000`, headers, signal),
  });
}
