/**
 * Removes secrets from URLs and headers before they reach logs or error messages. OAuth codes,
 * tokens and API keys routinely travel in query strings, and logs are shared far more widely
 * than the credentials store.
 */

/** What replaces a secret value. Brackets survive URL serialization unescaped in queries. */
export const REDACTED = '[REDACTED]';

const SECRET_PARAMS = new Set([
  'access_token',
  'api_key',
  'apikey',
  'client_assertion',
  'client_secret',
  'code',
  'code_verifier',
  'id_token',
  'key',
  'oauth_signature',
  'oauth_token',
  'oauth_verifier',
  'password',
  'refresh_token',
  'secret',
  'sig',
  'signature',
  'token',
  'x_amz_credential',
  'x_amz_security_token',
  'x_amz_signature',
]);

const SECRET_HEADERS = new Set([
  'api-key',
  'authorization',
  'cookie',
  'proxy-authorization',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-goog-api-key',
]);

/** Telegram-style bot tokens live in the path: `/bot123456:AAH.../sendMessage`. */
const PATH_TOKEN = /^bot\d+:[\w-]+$/;

/** True when a query parameter name usually carries a credential (case and `-`/`_` insensitive). */
export function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase().replaceAll('-', '_'));
}

/** True when a header usually carries a credential. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/**
 * Returns the URL with credentials replaced: userinfo, secret query and fragment parameters,
 * path bot tokens and webhook tokens. Unparseable input is not echoed back, since it could be a secret itself.
 * @example redactUrl('https://x.test/cb?code=abc&state=1') // 'https://x.test/cb?code=[REDACTED]&state=1'
 */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return '[invalid url]';
  }
  if (url.username !== '') url.username = REDACTED;
  if (url.password !== '') url.password = REDACTED;
  const segments = url.pathname.split('/');
  url.pathname = segments
    .map((segment, index) => {
      if (PATH_TOKEN.test(decodeSafely(segment))) return REDACTED;
      // Webhook URLs carry their secret as the segment after the id: `/webhooks/<id>/<token>` (Discord, Slack-style).
      const isWebhookToken =
        index >= 2 && segments[index - 2] === 'webhooks' && /^\d+$/.test(segments[index - 1] ?? '');
      return isWebhookToken && segment !== '' ? REDACTED : segment;
    })
    .join('/');
  if (url.search !== '') url.search = redactParams(url.search.slice(1));
  // OAuth implicit flows put tokens in the fragment (`#access_token=...`).
  if (url.hash.includes('=')) url.hash = redactParams(url.hash.slice(1));
  return url.href;
}

/** Header values as fetch, Node and pino represent them. */
export type HeaderSource = Headers | Iterable<readonly [string, string]> | Record<string, HeaderValue>;
type HeaderValue = string | number | readonly string[] | undefined;

/**
 * Returns a plain, lowercase-keyed copy of the headers with credential values replaced.
 * @example redactHeaders({ Authorization: 'Bearer x' }) // { authorization: '[REDACTED]' }
 */
export function redactHeaders(headers: HeaderSource): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headerEntries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    result[key] = isSecretHeader(key) ? REDACTED : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function headerEntries(headers: HeaderSource): Iterable<readonly [string, HeaderValue]> {
  if (headers instanceof Headers) return headers.entries();
  if (Symbol.iterator in headers) return headers;
  return Object.entries(headers);
}

/** Rewrites `a=1&token=x` keeping order and original encoding of everything non-secret. */
function redactParams(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = decodeSafely((equals === -1 ? pair : pair.slice(0, equals)).replaceAll('+', ' '));
      return isSecretParam(name) && equals !== -1 ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
