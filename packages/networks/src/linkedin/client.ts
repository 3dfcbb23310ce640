/**
 * Request helpers for LinkedIn's versioned REST API: base URLs, the headers every `/rest` call needs
 * (`LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`), JSON calls mapped to typed errors, and
 * the rule that failures before the post exists may be retried.
 */
import type { z } from 'zod';
import type { HttpRequestInit } from '@plume/http/types';
import type { NetworkContext, TokenSet } from '../contract.ts';
import { Permanent, Retryable } from '../provider-errors.ts';
import { beforeCreate as runBeforeCreate } from '../shared/before-create.ts';
import { MalformedResponse, send } from '../shared/network-call.ts';
import { linkedinFailure } from './errors.ts';
import { LINKEDIN_API_VERSION } from './manifest.ts';

/** A configured base URL, e.g. `endpoint(ctx, 'api')`. */
export function endpoint(context: NetworkContext, name: 'api' | 'authorize' | 'token'): string {
  const value = context.endpoints[name];
  if (value === undefined) throw new Permanent(`LinkedIn's "${name}" address is not configured on this server.`);
  return value.replace(/\/+$/, '');
}

/** `https://api.linkedin.com/rest/<path>`. */
export function restUrl(context: NetworkContext, path: string): string {
  return `${endpoint(context, 'api')}/rest${path}`;
}

/** The app's client id and secret, or a plain error when the admin has not set them. */
export function requireApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined) {
    throw new Permanent('LinkedIn is not set up on this server: set LINKEDIN_CLIENT_ID and LINKEDIN_CLIENT_SECRET.');
  }
  return context.app;
}

/** Headers of a versioned `/rest` call. */
export function restHeaders(tokens: TokenSet, extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Bearer ${tokens.accessToken}`,
    'linkedin-version': LINKEDIN_API_VERSION,
    'x-restli-protocol-version': '2.0.0',
    accept: 'application/json',
    ...extra,
  };
}

/** URNs go into paths percent-encoded (`urn%3Ali%3Ashare%3A123`). */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn);
}

/** Sends a request; a non-2xx answer becomes the typed error it means. */
export async function linkedinRequest(
  context: NetworkContext,
  url: string,
  init: HttpRequestInit,
  what: string,
): Promise<Response> {
  const response = await send(context.http, url, init);
  if (!response.ok) throw await linkedinFailure(response, what);
  return response;
}

/** Parses a 2xx JSON body; an unreadable one is "outcome unknown" for writes and Retryable for reads. */
export async function readJson<S extends z.ZodType>(
  response: Response,
  schema: S,
  what: string,
  method: string,
): Promise<z.output<S>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch (error) {
    throw unreadable(what, response.status, method, error);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unreadable(what, response.status, method, parsed.error);
  return parsed.data;
}

function unreadable(what: string, status: number, method: string, cause: unknown): Error {
  if (method === 'GET') return new Retryable(`LinkedIn sent an unreadable answer to "${what}".`, { cause });
  return new MalformedResponse(what, status, cause);
}

/** Runs a step before the post exists: transport failures and unreadable answers become Retryable. */
export function beforeCreate<T>(what: string, step: () => Promise<T>): Promise<T> {
  return runBeforeCreate(`LinkedIn did not answer while trying to ${what}`, step);
}
