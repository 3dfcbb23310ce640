/**
 * Groq through `@ai-sdk/groq` (OpenAI-compatible at `/openai/v1`). Docs: console.groq.com/docs/api-reference.
 */
import { createGroq } from '@ai-sdk/groq';
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { fetchModelList } from './model-list.ts';
import { createSdkFetch } from './sdk-fetch.ts';
import { baseUrlOf, createSdkProvider } from './sdk-provider.ts';

export const GROQ_BASE_URL = 'https://api.groq.com/openai/v1';

/** The Groq provider (kind `groq`); its model list carries each model's `context_window`. */
export function createGroqProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  const baseURL = baseUrlOf(settings, GROQ_BASE_URL);
  const apiKey = settings.apiKey ?? '';
  const groq = createGroq({ apiKey, baseURL, fetch: createSdkFetch(deps.http) });
  return createSdkProvider({
    settings,
    kind: 'groq',
    label: 'Groq',
    json: 'json_object',
    requiresKey: true,
    languageModel: (modelId) => groq(modelId),
    listModels: (signal) =>
      fetchModelList(deps.http, `${baseURL}/models`, { authorization: `Bearer ${apiKey}` }, signal),
  });
}
