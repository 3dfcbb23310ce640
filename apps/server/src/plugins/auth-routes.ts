import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authBasePath } from '@plume/core/accounts/create-auth';
import { clearFailedLogins, lockedMinutesLeft, recordFailedLogin } from '@plume/core/accounts/login-lockout';
import type { ErrorCode } from '@plume/errors/error-codes';
import type { AppContext } from '../app-context.ts';
import { sendProblem } from './error-handler.ts';
import { toWebHeaders } from './authenticate.ts';
import { untrustedOriginDetail } from './check-origin.ts';
import { headerOrigin, trustedOrigins } from '@plume/core/accounts/trusted-origins';

const signInPath = `${authBasePath}/sign-in/email`;

/**
 * The better-auth endpoints Plume's web app and API clients use (docs/api.md lists them). Every other
 * one answers 404: better-auth also serves organizations, members, sessions and user updates, which
 * Plume exposes through its own validated, audited routes (or calls in-process) instead.
 */
export const openAuthEndpoints = [
  'POST /sign-up/email',
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
  'GET /verify-email',
  'POST /send-verification-email',
  'POST /request-password-reset',
  'GET /reset-password/:token',
  'POST /reset-password',
  'POST /change-password',
] as const;

const openEndpointPatterns = openAuthEndpoints.map((endpoint) => {
  const [method, path] = endpoint.split(' ') as [string, string];
  return { method, pattern: new RegExp(`^${authBasePath}${path.replace(/:\w+/g, '[\\w-]+')}$`) };
});

/** Matches the path better-auth itself will route (the parsed URL's), not Fastify's raw one. */
function isOpenEndpoint(method: string, pathname: string): boolean {
  return openEndpointPatterns.some((endpoint) => endpoint.method === method && endpoint.pattern.test(pathname));
}

/** better-auth's codes for a request from an origin it does not trust. */
const originErrorCodes = new Set(['INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN', 'CROSS_SITE_NAVIGATION_LOGIN_BLOCKED']);
/** Its codes for a link back (the web app sends its own address) to an origin it does not trust. */
const linkErrorCodes = new Set(['INVALID_CALLBACK_URL', 'INVALID_REDIRECT_URL']);

/** A page opened at an address Plume does not answer for gets the address to open, whatever better-auth tripped on. */
function originProblem(context: AppContext, request: FastifyRequest, authCode: string | undefined): string | null {
  const given = request.headers.origin ?? request.headers.referer;
  const origin = given ? (headerOrigin(given) ?? given) : null;
  if (originErrorCodes.has(authCode ?? '')) return untrustedOriginDetail(context.config, origin);
  if (linkErrorCodes.has(authCode ?? '') && origin && !trustedOrigins(context.config).includes(origin))
    return untrustedOriginDetail(context.config, origin);
  return null;
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_failed',
  429: 'rate_limited',
};

function emailOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email = (body as { email?: unknown }).email;
  return typeof email === 'string' && email.length <= 320 ? email.trim().toLowerCase() : null;
}

/**
 * Mounts better-auth's `openAuthEndpoints` under /api/v1/auth. Its error bodies are rewritten as
 * problem+json with Plume's codes, and sign-in gets a lockout after repeated failures.
 */
export async function registerAuthRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const policy = {
    maxFailures: context.config.LOGIN_MAX_FAILURES,
    lockoutMinutes: context.config.LOGIN_LOCKOUT_MINUTES,
  };

  app.route({
    method: ['GET', 'POST'],
    url: `${authBasePath}/*`,
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
    handler: async (request, reply) => {
      const authRequest = toAuthRequest(context, request);
      if (!isOpenEndpoint(request.method, new URL(authRequest.url).pathname)) {
        return sendProblem(request, reply, 'not_found', {
          detail: `No route ${request.method} ${request.url.split('?')[0]}`,
        });
      }
      const isSignIn = request.method === 'POST' && request.url.split('?')[0] === signInPath;
      const email = isSignIn ? emailOf(request.body) : null;
      if (email) {
        const minutes = await lockedMinutesLeft(context.db, email);
        if (minutes > 0) {
          return sendProblem(request, reply, 'account_locked', {
            detail: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
            headers: { 'retry-after': String(minutes * 60) },
          });
        }
      }
      const response = await context.auth.handler(authRequest);
      // Sign-out, password and profile changes end or alter sessions: forget what this process memoised.
      if (request.method !== 'GET' && response.ok && !isSignIn) context.sessionCache?.clear();
      if (email) {
        if (response.status === 401) await recordFailedLogin(context.db, email, policy);
        if (response.ok) await clearFailedLogins(context.db, email);
      }
      return relay(context, request, reply, response);
    },
  });
}

function toAuthRequest(context: AppContext, request: FastifyRequest): Request {
  const url = new URL(request.url, context.config.publicUrl);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: toWebHeaders(request),
    ...(hasBody ? { body: JSON.stringify(request.body ?? {}) } : {}),
  });
}

async function relay(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  response: Response,
): Promise<FastifyReply> {
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding')
      void reply.header(name, value);
  });
  if (setCookies.length > 0) void reply.header('set-cookie', setCookies);
  const text = await response.text();
  if (response.status < 400) return reply.status(response.status).send(text.length > 0 ? text : undefined);
  const wrongAddress = originProblem(context, request, parseAuthError(text).code);
  if (wrongAddress) return sendProblem(request, reply, 'untrusted_origin', { detail: wrongAddress });
  return sendProblem(request, reply, authErrorCode(response.status, text), {
    detail: authErrorMessage(text) ?? response.statusText,
  });
}

function parseAuthError(text: string): { code?: string; message?: string } {
  try {
    return JSON.parse(text) as { code?: string; message?: string };
  } catch {
    return {};
  }
}

function authErrorCode(status: number, text: string): ErrorCode {
  const body = parseAuthError(text);
  if (body.code === 'EMAIL_NOT_VERIFIED') return 'email_not_verified';
  if (body.code && /ALREADY_EXISTS/.test(body.code)) return 'conflict';
  return statusCodes[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
}

function authErrorMessage(text: string): string | undefined {
  return parseAuthError(text).message;
}
