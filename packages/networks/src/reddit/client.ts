/**
 * Reddit request helpers. Reddit's API rules require a descriptive User-Agent on every request,
 * `<platform>:<app ID>:<version> (by /u/<username>)` (generic agents are throttled hard), so it is set
 * per request here. Writes are form posts with `api_type=json`, whose refusals arrive as 200 + `json.errors`.
 *
 * Docs: https://support.reddithelp.com/hc/en-us/articles/16160319875092-Reddit-Data-API-Wiki,
 * https://www.reddit.com/dev/api
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { callJson } from '../shared/network-call.ts';
import { bearer } from '../shared/oauth2.ts';
import { redditFailureMapping, redditJsonError, type RedditJsonError } from './errors.ts';

const PLUME_VERSION = '0.1.0';

/** A base URL from the context, without a trailing slash. */
export function redditEndpoint(context: NetworkContext, name: string): string {
  const value = context.endpoints[name];
  if (value === undefined || value.length === 0)
    throw new Permanent(`The "${name}" address of Reddit is not configured.`);
  return value.replace(/\/+$/, '');
}

/**
 * `server:plume.<client id>:v0.1.0 (by /u/<username>)`; the username is left out before it is known.
 * @example redditUserAgent('abc123', 'spez') // 'server:plume.abc123:v0.1.0 (by /u/spez)'
 */
export function redditUserAgent(clientId: string | undefined, username?: string): string {
  const appId = `plume.${(clientId ?? 'unconfigured').replace(/[^\w-]/g, '')}`;
  const base = `server:${appId}:v${PLUME_VERSION}`;
  return username === undefined || username.length === 0 ? base : `${base} (by /u/${username})`;
}

/** Who a request acts as: tokens plus the username for the User-Agent. */
export interface RedditCaller {
  tokens: TokenSet;
  username?: string | undefined;
}

function headers(context: NetworkContext, caller: RedditCaller): Record<string, string> {
  return {
    ...bearer(caller.tokens),
    'user-agent': redditUserAgent(context.app?.clientId, caller.username),
    accept: 'application/json',
  };
}

/** GET on oauth.reddit.com. */
export async function redditGet<S extends z.ZodType>(
  context: NetworkContext,
  caller: RedditCaller,
  path: string,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  return callJson(
    context.http,
    `${redditEndpoint(context, 'api')}${path}`,
    { method: 'GET', headers: headers(context, caller) },
    { ...redditFailureMapping, schema, what },
  );
}

const jsonEnvelope = <S extends z.ZodType>(data: S) =>
  z.looseObject({ json: z.looseObject({ errors: z.array(z.array(z.unknown())).default([]), data: data.optional() }) });

/**
 * POSTs a form with `api_type=json` and returns `json.data`; `json.errors` become typed errors (the
 * write did not happen). A 2xx without readable data is an unknown outcome (MalformedResponse).
 */
export async function redditPostForm<S extends z.ZodType>(
  context: NetworkContext,
  caller: RedditCaller,
  path: string,
  form: Record<string, string>,
  options: { schema: S; what: string; subreddit?: string },
): Promise<z.output<S>> {
  const body = new URLSearchParams({ api_type: 'json', ...form });
  const init = {
    method: 'POST',
    headers: { ...headers(context, caller), 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  };
  const answer = await callJson(context.http, `${redditEndpoint(context, 'api')}${path}`, init, {
    ...redditFailureMapping,
    schema: jsonEnvelope(options.schema).refine(
      (value) => value.json.errors.length > 0 || value.json.data !== undefined,
      'json.data is missing',
    ),
    what: options.what,
  });
  const errors = answer.json.errors as RedditJsonError[];
  if (errors.length > 0) throw redditJsonError(errors, options.subreddit);
  return answer.json.data as z.output<S>;
}

const meSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  icon_img: z.string().optional(),
  subreddit: z.looseObject({ title: z.string().optional() }).nullish(),
});

/** The account behind the token (`GET /api/v1/me`, scope identity) as a Plume identity. */
export async function fetchMe(context: NetworkContext, caller: RedditCaller): Promise<ConnectedIdentity> {
  const me = await redditGet(context, caller, '/api/v1/me', meSchema, 'read your Reddit account');
  const web = redditEndpoint(context, 'web');
  // Reddit HTML-escapes the ampersands of its image URLs in JSON.
  const avatar = me.icon_img?.replaceAll('&amp;', '&');
  const title = me.subreddit?.title;
  return {
    externalId: me.id,
    handle: `u/${me.name}`,
    displayName: title === undefined || title.length === 0 ? me.name : title,
    kind: 'profile',
    ...(avatar === undefined || avatar.length === 0 ? {} : { avatarUrl: avatar }),
    profileUrl: `${web}/user/${me.name}`,
    metadata: { username: me.name },
  };
}
