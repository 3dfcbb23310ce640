/**
 * Request helpers for X: base URLs from the context, the bearer header, and JSON calls that map
 * failures with X's error shapes.
 */
import type { z } from 'zod';
import type { HttpRequestInit } from '@plume/http/types';
import type { NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { callJson, callNoContent } from '../shared/network-call.ts';
import { bearer } from '../shared/oauth2.ts';
import { xFailureMapping } from './errors.ts';

/** A configured endpoint (`api`, `authorize`, `token`); missing ones are a wiring bug, not a user error. */
export function xEndpoint(context: NetworkContext, name: 'api' | 'authorize' | 'token'): string {
  const value = context.endpoints[name];
  if (value === undefined) throw new Error(`X endpoint "${name}" is not configured`);
  return value.replace(/\/+$/, '');
}

/** The app's OAuth client; X cannot be connected without one. */
export function xApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined || context.app.clientId === '') {
    throw new Permanent('X is not set up on this server: the admin must set X_CLIENT_ID and X_CLIENT_SECRET.');
  }
  return context.app;
}

/** Calls `path` on the X API with the account's token and returns the validated JSON body. */
export async function xJson<S extends z.ZodType>(
  context: NetworkContext,
  tokens: TokenSet,
  path: string,
  init: HttpRequestInit & { json?: unknown; form?: FormData },
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const { json, form, ...rest } = init;
  const headers = new Headers(rest.headers);
  for (const [name, value] of Object.entries(bearer(tokens))) headers.set(name, value);
  headers.set('accept', 'application/json');
  let body = rest.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    // The HTTP client sets the multipart Content-Type with its boundary.
    body = form;
  }
  return callJson(
    context.http,
    `${xEndpoint(context, 'api')}${path}`,
    { ...rest, headers, body },
    { ...xFailureMapping, schema, what },
  );
}

/** Like `xJson` for calls whose answer we only need to be a success (or one of `okStatuses`). */
export async function xNoContent(
  context: NetworkContext,
  tokens: TokenSet,
  path: string,
  init: HttpRequestInit,
  what: string,
  okStatuses: readonly number[] = [],
): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(bearer(tokens))) headers.set(name, value);
  return callNoContent(
    context.http,
    `${xEndpoint(context, 'api')}${path}`,
    { ...init, headers },
    { ...xFailureMapping, what, okStatuses },
  );
}
