/**
 * Perplexity through `@ai-sdk/perplexity` (`POST /chat/completions` at api.perplexity.ai).
 * Docs: docs.perplexity.ai/api-reference (chat completions; "List Models" is `GET /router/v1/models`).
 * Perplexity's `response_format` takes a JSON schema only, so JSON calls send an open object schema.
 */
import { createPerplexity } from '@ai-sdk/perplexity';
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { fetchModelList } from './model-list.ts';
import { createSdkFetch } from './sdk-fetch.ts';
import { baseUrlOf, createSdkProvider } from './sdk-provider.ts';

export const PERPLEXITY_BASE_URL = 'https://api.perplexity.ai';

/** The Perplexity provider (kind `perplexity`), used for research tasks. */
export function createPerplexityProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  const baseURL = baseUrlOf(settings, PERPLEXITY_BASE_URL);
  const apiKey = settings.apiKey ?? '';
  const perplexity = createPerplexity({ apiKey, baseURL, fetch: createSdkFetch(deps.http) });
  return createSdkProvider({
    settings,
    kind: 'perplexity',
    label: 'Perplexity',
    json: 'json_schema',
    requiresKey: true,
    languageModel: (modelId) => perplexity(modelId),
    listModels: (signal) =>
      fetchModelList(deps.http, `${baseURL}/router/v1/models`, { authorization: `Bearer ${apiKey}` }, signal),
  });
}
