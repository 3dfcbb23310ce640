/** X's error bodies and rate-limit headers, shared by the fake's routes. */
import type { FakeRequest, FakeResponse } from '../fake-network-server.ts';
import type { XFakeState, XFakeUser } from './state.ts';

/** Every v2 answer carries the 15-minute window's headers. */
export function rateLimitHeaders(limit = 200): Record<string, string> {
  return {
    'x-rate-limit-limit': String(limit),
    'x-rate-limit-remaining': String(limit - 1),
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
  };
}

export const unauthorized: FakeResponse = {
  status: 401,
  body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
};

/** 400 with X's invalid-request problem and the per-parameter errors. */
export function invalidRequest(message: string, parameters: Record<string, unknown> = {}): FakeResponse {
  return {
    status: 400,
    headers: rateLimitHeaders(),
    body: {
      errors: [{ parameters, message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.twitter.com/2/problems/invalid-request',
    },
  };
}

/**
 * The user behind the request's bearer token, or undefined when it is missing, unknown or expired.
 * With `state.resolveBearer` set, an authorization server decides (a real peer in connect tests),
 * and any user it vouches for other than `state.user` is an X user named after its id.
 */
export async function userOf(state: XFakeState, request: FakeRequest): Promise<XFakeUser | undefined> {
  if (request.bearer === undefined) return undefined;
  if (state.resolveBearer !== undefined) {
    const subject = await state.resolveBearer(request.bearer);
    if (subject === undefined) return undefined;
    return subject === state.user.id ? state.user : { id: subject, username: subject, name: subject };
  }
  const grant = state.accessTokens.get(request.bearer);
  if (grant === undefined || grant.expiresAt < Date.now() || grant.userId !== state.user.id) return undefined;
  return state.user;
}
