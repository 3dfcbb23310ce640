/**
 * Request helpers for Mastodon: the account's server from its metadata, bearer auth, JSON and
 * multipart bodies, and failures mapped from Mastodon's `{error}` bodies.
 */
import type { z } from 'zod';
import type { HttpRequestInit } from '@plume/http/types';
import type { NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { bearer } from '../shared/oauth2.ts';
import { mastodonFailureMapping } from './errors.ts';

/** The server an account lives on (`metadata.instanceUrl`, saved at connect), without a trailing slash. */
export function instanceUrlOf(metadata: Readonly<Record<string, string>>): string {
  const instanceUrl = metadata['instanceUrl'];
  if (instanceUrl === undefined || instanceUrl === '') {
    throw new Permanent('Plume does not know which Mastodon server this account is on. Reconnect the account.');
  }
  return instanceUrl.replace(/\/+$/, '');
}

/** The app Plume registered on this server; the connect flow passes it in the context. */
export function mastodonApp(context: NetworkContext): { clientId: string; clientSecret: string } {
  if (context.app === undefined)
    throw new Error('Mastodon calls that need the app registration must get it in the context');
  return context.app;
}

/** Headers for an authenticated call, plus the encoded body (`json` or `form`). */
export async function mastodonRequest(
  tokens: TokenSet | undefined,
  init: HttpRequestInit & { json?: unknown; form?: FormData },
): Promise<HttpRequestInit> {
  const { json, form, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (tokens !== undefined) for (const [name, value] of Object.entries(bearer(tokens))) headers.set(name, value);
  headers.set('accept', 'application/json');
  let body = rest.body;
  if (json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(json);
  } else if (form !== undefined) {
    // The HTTP client sets the multipart Content-Type with its boundary.
    body = form;
  }
  return { ...rest, headers, body };
}

/** Calls `path` on the account's server and returns the validated JSON answer. */
export async function mastodonJson<S extends z.ZodType>(
  context: NetworkContext,
  instanceUrl: string,
  tokens: TokenSet | undefined,
  path: string,
  init: HttpRequestInit & { json?: unknown; form?: FormData },
  schema: S,
  what: string,
): Promise<z.output<S>> {
  return callJson(context.http, `${instanceUrl}${path}`, await mastodonRequest(tokens, init), {
    ...mastodonFailureMapping,
    schema,
    what,
  });
}

/**
 * The token for reading statuses, when it may read them. Mastodon answers 403 to a token without
 * `read:statuses` (it checks the scopes of any token sent), while public statuses need no token: so
 * the token goes along only when it was granted `read` or `read:statuses`.
 */
export function statusReadTokens(tokens: TokenSet): TokenSet | undefined {
  const granted = tokens.scopes ?? [];
  return granted.includes('read') || granted.includes('read:statuses') ? tokens : undefined;
}
