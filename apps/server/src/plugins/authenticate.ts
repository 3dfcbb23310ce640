import type { FastifyInstance, FastifyRequest } from 'fastify';
import { looksLikeApiKey } from '@plume/core/api-keys/api-key-token';
import { verifyApiKey } from '@plume/core/api-keys/verify-api-key';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../app-context.ts';
import type { Principal } from '../lib/principal.ts';
import { SessionCache } from '../lib/session-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved lazily by `requirePrincipal`; undefined until then. */
    principal?: Principal | null;
  }
}

export function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function resolvePrincipal(context: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer && looksLikeApiKey(bearer)) {
    const key = await verifyApiKey(context.db, bearer);
    if (!key) throw new AppError('invalid_api_key', { detail: 'The API key is unknown, revoked or expired.' });
    return { kind: 'api_key', apiKeyId: key.id, workspaceId: key.workspaceId, name: key.name, scopes: key.scopes };
  }
  const credential = authorization ?? request.headers.cookie;
  if (!credential) return null;
  const cacheKey = SessionCache.keyOf(credential);
  const cached = context.sessionCache?.get(cacheKey);
  if (cached !== undefined) return cached;
  const principal = await resolveSession(context, request);
  context.sessionCache?.set(cacheKey, principal);
  return principal;
}

async function resolveSession(context: AppContext, request: FastifyRequest): Promise<Principal | null> {
  const session = await context.auth.api.getSession({ headers: toWebHeaders(request) });
  if (!session) return null;
  const user = session.user as typeof session.user & { isInstanceAdmin?: boolean };
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    isInstanceAdmin: user.isInstanceAdmin === true,
  };
}

/** Returns the caller or answers 401. Call first in every protected handler. */
export async function requirePrincipal(context: AppContext, request: FastifyRequest): Promise<Principal> {
  if (request.principal === undefined) request.principal = await resolvePrincipal(context, request);
  if (!request.principal)
    throw new AppError('unauthenticated', { detail: 'Sign in, or send a session token or API key as a Bearer token.' });
  return request.principal;
}

export async function requireUser(
  context: AppContext,
  request: FastifyRequest,
): Promise<Extract<Principal, { kind: 'user' }>> {
  const principal = await requirePrincipal(context, request);
  if (principal.kind !== 'user') throw new AppError('session_required');
  return principal;
}

export function registerPrincipalDecorator(app: FastifyInstance): void {
  app.decorateRequest('principal', undefined);
}
