import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlumeConfig } from '@plume/config/load-config';
import { headerOrigin, trustedOrigins } from '@plume/core/accounts/trusted-origins';
import { AppError } from '@plume/errors/app-error';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const scriptHint = 'Scripts and other apps send an API key or session token as a Bearer token instead of a cookie.';

type OriginVerdict = { trusted: true } | { trusted: false; detail: string };

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What to tell someone whose page is not on a trusted origin: the address to open instead. Also used
 * for better-auth's own "Invalid origin" answers (plugins/auth-routes.ts).
 */
export function untrustedOriginDetail(config: PlumeConfig, origin: string | null): string {
  if (!origin)
    return `Plume accepts changes made with a session cookie only from its own pages at ${config.publicUrl}, and this request did not say where it came from. ${scriptHint}`;
  return `Open Plume at ${config.publicUrl} — this page was opened at ${origin}. (Operators: to serve Plume at that address, set PUBLIC_URL to it.)`;
}

/**
 * The browser's word on where a request comes from: `Origin`, else `Sec-Fetch-Site`, else the Referer.
 * A cookie request that says nothing is refused, as better-auth refuses it on its own routes.
 */
export function checkRequestOrigin(
  config: PlumeConfig,
  trusted: ReadonlySet<string>,
  request: FastifyRequest,
): OriginVerdict {
  const originHeader = headerValue(request, 'origin');
  if (originHeader !== undefined) {
    const origin = headerOrigin(originHeader);
    return origin && trusted.has(origin)
      ? { trusted: true }
      : { trusted: false, detail: untrustedOriginDetail(config, origin ?? originHeader) };
  }
  const site = headerValue(request, 'sec-fetch-site');
  if (site === 'same-origin') return { trusted: true };
  if (site === 'cross-site' || site === 'same-site') {
    return {
      trusted: false,
      detail: `This request came from another site. Plume accepts changes made with a session cookie only from its own pages at ${config.publicUrl}. ${scriptHint}`,
    };
  }
  const referer = headerValue(request, 'referer');
  const origin = referer === undefined ? null : headerOrigin(referer);
  if (origin && trusted.has(origin)) return { trusted: true };
  return { trusted: false, detail: untrustedOriginDetail(config, origin) };
}

/**
 * Cross-site request forgery guard for Plume's own routes, the rule better-auth applies to its own:
 * a POST, PUT, PATCH or DELETE that a browser's session cookie would authenticate must come from a
 * trusted origin (`trustedOrigins`), or it answers 403 `untrusted_origin` before its body is read.
 * Requests with an `Authorization` header (API keys, bearer session tokens) carry no ambient
 * credential and are not checked: a page on another site cannot add that header without CORS, which
 * Plume does not grant.
 */
export function registerOriginCheck(app: FastifyInstance, config: PlumeConfig): void {
  const trusted = new Set(trustedOrigins(config));
  app.addHook('onRequest', async (request) => {
    if (!unsafeMethods.has(request.method)) return;
    if (!request.headers.cookie || request.headers.authorization) return;
    const verdict = checkRequestOrigin(config, trusted, request);
    if (!verdict.trusted) throw new AppError('untrusted_origin', { detail: verdict.detail });
  });
}
