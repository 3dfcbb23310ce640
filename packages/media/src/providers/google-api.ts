/**
 * What the Google adapter's parts share: JSON calls to the Gemini API (generativelanguage.googleapis.com,
 * key in `x-goog-api-key`, never in the URL) and its errors (ai.google.dev/gemini-api/docs/troubleshooting):
 * `{error: {code, message, status, details}}` where a bad key is 400 INVALID_ARGUMENT with reason
 * API_KEY_INVALID, 403 PERMISSION_DENIED, 404 NOT_FOUND, 429 RESOURCE_EXHAUSTED with a `RetryInfo`
 * detail (`retryDelay: "27s"`), 500 INTERNAL, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED.
 */
import type { HttpClient } from '@plume/http/http-client';
import { type LlmProviderError } from './media-provider-contract.ts';
import { clip, jsonOf, malformed, refused, sendWithin, statusFailure } from './vendor-call.ts';
import type { CallBudget, VendorContext, VendorResponse } from './vendor-call.ts';

export const DEFAULT_GOOGLE_URL = 'https://generativelanguage.googleapis.com';

/** One configured Google provider, as its parts see it. */
export interface GoogleClient {
  http: HttpClient;
  baseUrl: string;
  apiKey: string;
  context: VendorContext;
}

/** A refusal worded as a 400 ("…violate our policies…", "…sensitive words…"). */
const POLICY_WORDS = /violat\w* (our|the) (usage )?polic|responsible ai|sensitive words|safety (filter|polic)/i;

/** POSTs JSON to `/v1beta/{path}` and returns the parsed answer, or throws the typed failure. */
export async function postGoogle(
  client: GoogleClient,
  path: string,
  body: unknown,
  budget: CallBudget,
  model: string,
): Promise<unknown> {
  const response = await sendWithin(
    client.http,
    `${client.baseUrl}/v1beta/${path}`,
    { method: 'POST', headers: headersOf(client, true), body: JSON.stringify(body) },
    budget,
    client.context,
  );
  return answerOf(response, client.context, model);
}

/** GETs `/v1beta/{path}` (an operation, the model list). */
export async function getGoogle(
  client: GoogleClient,
  path: string,
  budget: CallBudget,
  model: string,
): Promise<unknown> {
  const response = await sendWithin(
    client.http,
    `${client.baseUrl}/v1beta/${path}`,
    { method: 'GET', headers: headersOf(client, false) },
    budget,
    client.context,
  );
  return answerOf(response, client.context, model);
}

export function headersOf(client: GoogleClient, json: boolean): Record<string, string> {
  return {
    'x-goog-api-key': client.apiKey,
    accept: 'application/json',
    ...(json ? { 'content-type': 'application/json' } : {}),
  };
}

function answerOf(response: VendorResponse, context: VendorContext, model: string): unknown {
  if (response.status !== 200) throw googleFailure(response, context, model);
  const body = jsonOf(response.bytes);
  if (!(body instanceof Object)) throw malformed(context, 'the answer is not a JSON object');
  return body;
}

/** Google's error body as a typed failure. */
export function googleFailure(response: VendorResponse, context: VendorContext, model: string): LlmProviderError {
  const error = errorField(jsonOf(response.bytes));
  const detail = error.message;
  if (response.status === 400 && error.reasons.includes('API_KEY_INVALID')) {
    return statusFailure({ status: 401, headers: response.headers, detail, model }, context);
  }
  if (response.status === 400 && POLICY_WORDS.test(detail)) return refused(context, detail);
  const headers = new Headers(response.headers);
  if (!headers.has('retry-after') && error.retryDelaySec !== undefined) {
    headers.set('retry-after', String(Math.ceil(error.retryDelaySec)));
  }
  const failure = statusFailure({ status: response.status, headers, detail, model }, context);
  return failure;
}

interface GoogleErrorField {
  message: string;
  reasons: string[];
  retryDelaySec: number | undefined;
}

function errorField(body: unknown): GoogleErrorField {
  const error = body instanceof Object && 'error' in body && body.error instanceof Object ? body.error : {};
  const message = 'message' in error && typeof error.message === 'string' ? clip(error.message) : '';
  const details = 'details' in error && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const reasons: string[] = [];
  let retryDelaySec: number | undefined;
  for (const detail of details) {
    if (!(detail instanceof Object)) continue;
    if ('reason' in detail && typeof detail.reason === 'string') reasons.push(detail.reason);
    if ('retryDelay' in detail && typeof detail.retryDelay === 'string') {
      const parsed = Number.parseFloat(detail.retryDelay);
      if (Number.isFinite(parsed)) retryDelaySec = parsed;
    }
  }
  return { message, reasons, retryDelaySec };
}

/** Google's models take no separate negative prompt for images: it is said in the prompt. */
export function withAvoid(prompt: string, negativePrompt: string | undefined): string {
  return negativePrompt === undefined || negativePrompt.trim() === ''
    ? prompt
    : `${prompt}\n\nAvoid: ${negativePrompt}`;
}
