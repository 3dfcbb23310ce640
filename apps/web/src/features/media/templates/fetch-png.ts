import { API_BASE, ApiError, toApiError } from '../../../lib/api.ts';

/**
 * POSTs a JSON body and answers the PNG the API renders (the JSON client only reads JSON).
 * A refusal is an ApiError like any other call's, so its field problems show at their fields.
 * @example const png = await fetchPng(`/workspaces/${id}/media/templates/quote/preview`, body, signal)
 */
export async function fetchPng(path: string, body: unknown, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: { accept: 'image/png, application/problem+json', 'content-type': 'application/json' },
      credentials: 'include',
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      detail: 'Could not reach the Plume server to draw the preview.',
    });
  }
  if (!response.ok) throw toApiError(response.status, response.statusText, await response.text());
  return response.blob();
}
