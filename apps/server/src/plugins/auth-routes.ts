import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authBasePath } from '@plume/core/accounts/create-auth';
import { clearFailedLogins, lockedMinutesLeft, recordFailedLogin } from '@plume/core/accounts/login-lockout';
import type { ErrorCode } from '@plume/errors/error-codes';
import type { AppContext } from '../app-context.ts';
import { sendProblem, } from './error-handler.ts';
import { toWebHeaders } from './authenticate.ts';

const signInPath = `${authBasePath}/sign-in/email`;

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
 * Mounts better-auth under /api/v1/auth. Its error bodies are rewritten as problem+json with Plume's
 * codes, and sign-in gets a lockout after repeated failures.
 */
export async function registerAuthRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const policy = { maxFailures: context.config.LOGIN_MAX_FAILURES, lockoutMinutes: context.config.LOGIN_LOCKOUT_MINUTES };

  app.route({
    method: ['GET', 'POST'],
    url: `${authBasePath}/*`,
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
    handler: async (request, reply) => {
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
      const response = await context.auth.handler(toAuthRequest(context, request));
      // Sign-out, password and profile changes end or alter sessions: forget what this process memoised.
      if (request.method !== 'GET' && response.ok && !isSignIn) context.sessionCache?.clear();
      if (email) {
        if (response.status === 401) await recordFailedLogin(context.db, email, policy);
        if (response.ok) await clearFailedLogins(context.db, email);
      }
      return relay(request, reply, response);
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

async function relay(request: FastifyRequest, reply: FastifyReply, response: Response): Promise<FastifyReply> {
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding') void reply.header(name, value);
  });
  if (setCookies.length > 0) void reply.header('set-cookie', setCookies);
  const text = await response.text();
  if (response.status < 400) return reply.status(response.status).send(text.length > 0 ? text : undefined);
  return sendProblem(request, reply, authErrorCode(response.status, text), { detail: authErrorMessage(text) ?? response.statusText });
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
