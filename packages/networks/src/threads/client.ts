/**
 * Request helpers for the Threads API: versioned paths on `ctx.endpoints.api`, the access token as
 * the documented `access_token` parameter (in the form body for POSTs, so it stays out of URLs),
 * and failures mapped from Graph API error bodies.
 */
import type { z } from 'zod';
import type { NetworkContext } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { threadsFailureMapping } from './errors.ts';

/** The Graph API version Plume speaks. */
export const THREADS_API_VERSION = 'v1.0';

/** A configured endpoint (`api`, `authorize`); missing ones are a wiring bug. */
export function threadsEndpoint(context: NetworkContext, name: 'api' | 'authorize'): string {
  const value = context.endpoints[name];
  if (value === undefined) throw new Error(`Threads endpoint "${name}" is not configured`);
  return value.replace(/\/+$/, '');
}

/** The Meta app's Threads id and secret; Threads cannot be connected without them. */
export function threadsApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined || context.app.clientId === '') {
    throw new Permanent(
      'Threads is not set up on this server: the admin must set THREADS_APP_ID and THREADS_APP_SECRET.',
    );
  }
  return context.app;
}

/** `GET {api}/v1.0{path}` with query parameters and the token; returns the validated JSON. */
export async function threadsGet<S extends z.ZodType>(
  context: NetworkContext,
  accessToken: string,
  path: string,
  query: Record<string, string>,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const url = new URL(`${threadsEndpoint(context, 'api')}/${THREADS_API_VERSION}${path}`);
  for (const [name, value] of Object.entries({ ...query, access_token: accessToken }))
    url.searchParams.set(name, value);
  return callJson(
    context.http,
    url,
    { method: 'GET', headers: { accept: 'application/json' } },
    { ...threadsFailureMapping, schema, what },
  );
}

/** `POST {api}/v1.0{path}` with a form body that carries the token; returns the validated JSON. */
export async function threadsPost<S extends z.ZodType>(
  context: NetworkContext,
  accessToken: string,
  path: string,
  form: Record<string, string>,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const body = new URLSearchParams({ ...form, access_token: accessToken });
  return callJson(
    context.http,
    `${threadsEndpoint(context, 'api')}/${THREADS_API_VERSION}${path}`,
    {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    },
    { ...threadsFailureMapping, schema, what },
  );
}
