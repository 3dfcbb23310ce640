/**
 * `GET …/models` for the cloud providers. OpenAI, Groq, Meta, vLLM and Anthropic all answer
 * `{ data: [{ id, … }] }`; Groq adds `context_window`, which is kept when present.
 */
import { APICallError } from 'ai';
import { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import type { ModelInfo } from '../provider-contract.ts';

const ModelListSchema = z.object({
  data: z.array(z.object({ id: z.string(), context_window: z.number().int().positive().optional() })),
});

/**
 * Lists models. A non-2xx answer is thrown as the SDK's `APICallError`, so `toLlmProviderError`
 * types it exactly like a failed generation.
 */
export async function fetchModelList(
  http: HttpClient,
  url: string,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<ModelInfo[]> {
  const response = await http.request(url, { headers, signal, retries: 0 });
  const bodyText = await response.text();
  if (!response.ok) {
    const responseHeaders = Object.fromEntries(response.headers);
    throw new APICallError({
      message: `models list answered ${response.status}`,
      url,
      requestBodyValues: undefined,
      statusCode: response.status,
      responseHeaders,
      responseBody: bodyText,
    });
  }
  const parsed = ModelListSchema.parse(JSON.parse(bodyText));
  return parsed.data.map((model) =>
    model.context_window === undefined ? { id: model.id } : { id: model.id, contextWindow: model.context_window },
  );
}
