/** Graph API error bodies and the token check, shared by the Threads fake's routes. */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../fake-network-server.ts';
import type { ThreadsFakeState } from './state.ts';

/** A Graph API error: HTTP 400 unless given, `{error: {message, type, code, error_subcode, fbtrace_id}}`. */
export function graphError(
  code: number,
  message: string,
  options: { status?: number; subcode?: number; userMessage?: string } = {},
): FakeResponse {
  return {
    status: options.status ?? 400,
    body: {
      error: {
        message,
        type: code === 190 ? 'OAuthException' : 'THApiException',
        code,
        ...(options.subcode === undefined ? {} : { error_subcode: options.subcode }),
        ...(options.userMessage === undefined ? {} : { error_user_msg: options.userMessage }),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  };
}

export const invalidToken = graphError(190, 'Invalid OAuth access token - Cannot parse access token');

/** The token from `access_token` (query or form body) or an `Authorization: Bearer` header. */
export function tokenOf(request: FakeRequest): string | undefined {
  const form = request.body as Record<string, string> | undefined;
  return request.query.get('access_token') ?? form?.['access_token'] ?? request.bearer;
}

/** True when the request carries a live token of the fake profile. */
export function isAuthorized(state: ThreadsFakeState, request: FakeRequest): boolean {
  const grant = state.tokens.get(tokenOf(request) ?? '');
  return grant !== undefined && grant.expiresAt > Date.now();
}

/** Query and form parameters together (the Threads API takes either). */
export function paramsOf(request: FakeRequest): Record<string, string> {
  const form =
    typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, string>) : {};
  return { ...Object.fromEntries(request.query), ...form };
}
