/**
 * OpenAI through `@ai-sdk/openai`, on the Chat Completions API (`/chat/completions`), the API every
 * OpenAI-compatible server copies. Docs: platform.openai.com/docs/api-reference/chat.
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { HttpClient } from '@plume/http/http-client';
import type { LlmProvider, ProviderSettings } from '../provider-contract.ts';
import { fetchModelList } from './model-list.ts';
import { createSdkFetch } from './sdk-fetch.ts';
import { baseUrlOf, createSdkProvider } from './sdk-provider.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The OpenAI provider (kind `openai`). */
export function createOpenAiProvider(settings: ProviderSettings, deps: { http: HttpClient }): LlmProvider {
  const baseURL = baseUrlOf(settings, OPENAI_BASE_URL);
  const apiKey = settings.apiKey ?? '';
  const openai = createOpenAI({ apiKey, baseURL, fetch: createSdkFetch(deps.http) });
  return createSdkProvider({
    settings,
    kind: 'openai',
    label: 'OpenAI',
    json: 'json_object',
    requiresKey: true,
    languageModel: (modelId) => openai.chat(modelId),
    listModels: (signal) =>
      fetchModelList(deps.http, `${baseURL}/models`, { authorization: `Bearer ${apiKey}` }, signal),
  });
}
