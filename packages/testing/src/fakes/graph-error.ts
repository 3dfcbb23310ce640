/**
 * Meta Graph API error answers for the Facebook and Instagram fakes: Graph's body
 * `{error: {message, type, code, error_subcode, fbtrace_id}}`.
 * https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
import { randomBytes } from 'node:crypto';

/** An answer usable both as a route response and as `failNext(...)`. */
export interface GraphErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A Graph error answer, e.g. `graphError(190, 'Error validating access token', 400, 'OAuthException', 463)`. */
export function graphError(
  code: number,
  message: string,
  status = 400,
  type = 'OAuthException',
  subcode?: number,
): GraphErrorAnswer {
  return {
    status,
    headers:
      status === 401 || code === 190
        ? { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${message}"` }
        : {},
    body: {
      error: {
        message,
        type,
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        fbtrace_id: `A${randomBytes(6).toString('hex')}`,
      },
    },
  };
}
