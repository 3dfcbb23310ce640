/**
 * XRPC over the guarded HTTP client: queries are GET `/xrpc/<nsid>?params`, procedures are POST
 * `/xrpc/<nsid>` with a JSON or binary body; both carry `Authorization: Bearer <accessJwt>` when
 * signed in (atproto.com/specs/xrpc). Failures map through `blueskyFailureMapping`.
 */
import type { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { callJson, callNoContent } from '../shared/network-call.ts';
import { blueskyFailureMapping } from './errors.ts';

/** The account's PDS (saved at connect), else the host the session started on, else the default. */
export function blueskyServiceUrl(context: NetworkContext, metadata: Readonly<Record<string, string>>): string {
  const base = metadata['pdsUrl'] ?? metadata['service'] ?? context.endpoints['api'];
  if (base === undefined) throw new Error('Bluesky endpoint "api" is not configured');
  return base.replace(/\/+$/, '');
}

/** The public web app (`https://bsky.app` unless configured). */
export function blueskyWebUrl(context: NetworkContext): string {
  return (context.endpoints['web'] ?? 'https://bsky.app').replace(/\/+$/, '');
}

/** Query parameters; an array repeats the name (`uris=a&uris=b`), as XRPC encodes array params. */
export type XrpcParams = Readonly<Record<string, string | readonly string[]>>;

function xrpcUrl(base: string, nsid: string, params: XrpcParams = {}): URL {
  const url = new URL(`${base}/xrpc/${nsid}`);
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') url.searchParams.set(name, value);
    else for (const item of value) url.searchParams.append(name, item);
  }
  return url;
}

function headersFor(token: string | undefined, contentType?: string): Headers {
  const headers = new Headers({ accept: 'application/json' });
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
  if (contentType !== undefined) headers.set('content-type', contentType);
  return headers;
}

export interface XrpcCall<S extends z.ZodType> {
  base: string;
  nsid: string;
  /** Access (or, for refreshSession, refresh) JWT; omitted for public calls. */
  token?: string;
  schema: S;
  what: string;
}

/** An XRPC query (GET). */
export async function xrpcQuery<S extends z.ZodType>(
  context: NetworkContext,
  call: XrpcCall<S> & { params?: XrpcParams },
): Promise<z.output<S>> {
  return callJson(
    context.http,
    xrpcUrl(call.base, call.nsid, call.params),
    { method: 'GET', headers: headersFor(call.token) },
    {
      ...blueskyFailureMapping,
      schema: call.schema,
      what: call.what,
    },
  );
}

/** An XRPC procedure (POST) with a JSON input, or raw bytes with their content type (uploadBlob). */
export async function xrpcProcedure<S extends z.ZodType>(
  context: NetworkContext,
  call: XrpcCall<S> & { json?: unknown; bytes?: { data: Uint8Array; contentType: string } },
): Promise<z.output<S>> {
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  let contentType: string | undefined;
  if (call.bytes !== undefined) {
    body = new Uint8Array(call.bytes.data);
    contentType = call.bytes.contentType;
  } else if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    contentType = 'application/json';
  }
  return callJson(
    context.http,
    xrpcUrl(call.base, call.nsid),
    { method: 'POST', headers: headersFor(call.token, contentType), body },
    {
      ...blueskyFailureMapping,
      schema: call.schema,
      what: call.what,
    },
  );
}

/** An XRPC procedure whose output we do not need (deleteRecord). */
export async function xrpcProcedureNoContent(
  context: NetworkContext,
  call: { base: string; nsid: string; token: string; json: unknown; what: string },
): Promise<void> {
  await callNoContent(
    context.http,
    xrpcUrl(call.base, call.nsid),
    { method: 'POST', headers: headersFor(call.token, 'application/json'), body: JSON.stringify(call.json) },
    { ...blueskyFailureMapping, what: call.what },
  );
}

/** The account's repo (DID) and PDS, as the record operations need them. */
export function accountRepo(
  context: NetworkContext,
  account: AccountAuth,
): { base: string; did: string; token: string } {
  return {
    base: blueskyServiceUrl(context, account.metadata),
    did: account.metadata['did'] ?? account.externalId,
    token: account.tokens.accessToken,
  };
}
