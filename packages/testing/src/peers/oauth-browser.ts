/**
 * Plays the user's browser through an authorization request to the loopback OAuth server
 * (oauth-server.ts): GET the authorization URL, follow redirects with a cookie jar, fill and post
 * oidc-provider's dev login form (prompt=login, login, password) and consent form (prompt=consent),
 * and stop at the redirect to the client's redirect_uri without requesting it. oidc-provider ties
 * each form to its interaction by the uid in the form's action and the `_interaction` cookie (its
 * CSRF protection), so the jar and the action URL are all a post needs.
 */
import { createHttpClient } from '@plume/http/http-client';
import type { HttpClient } from '@plume/http/http-client';
import { CookieJar } from './cookie-jar.ts';

export interface BrowserOptions {
  /** Login name typed into the form (any name signs in); default `test-user`, the server's fixed user. */
  login?: string;
  password?: string;
  /** Reuse a jar to keep the login session (and granted consent) across authorizations. */
  jar?: CookieJar;
  /** Defaults to a client allowed to reach 127.0.0.1. */
  http?: HttpClient;
}

/** Where the authorization server sent the browser back, with the code and state. */
export interface AuthorizationResult {
  code: string;
  state: string | undefined;
  /** RFC 9207 `iss`, which oidc-provider adds to the redirect. */
  iss: string | undefined;
  /** The full redirect_uri URL the browser would have opened. */
  redirectedTo: URL;
}

const MAX_STEPS = 12;

/**
 * Signs in, approves and returns the authorization code; throws when the server redirects back with
 * an error instead (the error code and description are in the message).
 */
export async function completeAuthorization(
  authorizeUrl: URL,
  options: BrowserOptions = {},
): Promise<AuthorizationResult> {
  const redirectedTo = await followAuthorization(authorizeUrl, { ...options, decision: 'approve' });
  const code = redirectedTo.searchParams.get('code');
  if (code === null) {
    const error = redirectedTo.searchParams.get('error') ?? 'no code';
    const description = redirectedTo.searchParams.get('error_description');
    throw new Error(`The authorization server sent back ${error}${description === null ? '' : `: ${description}`}`);
  }
  return {
    code,
    state: redirectedTo.searchParams.get('state') ?? undefined,
    iss: redirectedTo.searchParams.get('iss') ?? undefined,
    redirectedTo,
  };
}

/**
 * Drives the flow to its end and returns the URL the browser lands on at the client: the
 * redirect_uri with `code` and `state`, or with `error` (e.g. `access_denied` when the user cancels,
 * `invalid_request` when PKCE is missing). Throws when the server shows an error page instead.
 */
export async function followAuthorization(
  authorizeUrl: URL,
  options: BrowserOptions & { decision?: 'approve' | 'deny' } = {},
): Promise<URL> {
  const http = options.http ?? createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0, timeoutMs: 5000 });
  const jar = options.jar ?? new CookieJar();
  const redirectUri = authorizeUrl.searchParams.get('redirect_uri');
  const isClientRedirect = (url: URL): boolean =>
    url.origin !== authorizeUrl.origin ||
    (redirectUri !== null && url.href.split(/[?#]/)[0] === redirectUri.split(/[?#]/)[0]);

  let url = authorizeUrl;
  let init: { method: string; body?: string } = { method: 'GET' };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const headers = new Headers({ accept: 'text/html,application/json' });
    const cookie = jar.headerFor(url);
    if (cookie !== undefined) headers.set('cookie', cookie);
    if (init.body !== undefined) headers.set('content-type', 'application/x-www-form-urlencoded');
    const response = await http.request(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response);

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (isClientRedirect(next)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }

    const html = await response.text();
    const form = response.status === 200 ? findPostForm(html) : undefined;
    if (form === undefined)
      throw new Error(`The authorization server answered ${response.status} at ${url.pathname}: ${pageText(html)}`);
    if (options.decision === 'deny') {
      const cancel = /<a href="([^"]*\/abort)"/.exec(html)?.[1];
      if (cancel === undefined) throw new Error('The authorization page has no Cancel link.');
      url = new URL(decodeEntities(cancel), url);
      init = { method: 'GET' };
      continue;
    }
    url = new URL(form.action, url);
    init = { method: 'POST', body: fillForm(form.inputs, options).toString() };
  }
  throw new Error(`The authorization flow did not reach the redirect_uri in ${MAX_STEPS} steps.`);
}

interface FormInput {
  name: string;
  type: string;
  value: string;
}

function findPostForm(html: string): { action: string; inputs: FormInput[] } | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = readAttributes(match[1] ?? '');
    if ((attributes['method'] ?? 'get').toLowerCase() !== 'post') continue;
    const inputs: FormInput[] = [];
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
      const fields = readAttributes(input[1] ?? '');
      const name = fields['name'];
      if (name !== undefined)
        inputs.push({ name, type: (fields['type'] ?? 'text').toLowerCase(), value: fields['value'] ?? '' });
    }
    return { action: attributes['action'] ?? '', inputs };
  }
  return undefined;
}

/** What a user types: the login name into text fields, a password into password fields. */
function fillForm(inputs: readonly FormInput[], options: BrowserOptions): URLSearchParams {
  const form = new URLSearchParams();
  for (const input of inputs) {
    if (input.type === 'password') form.set(input.name, options.password ?? 'any-password');
    else if (input.type === 'text' || input.type === 'email') form.set(input.name, options.login ?? 'test-user');
    else form.set(input.name, input.value);
  }
  return form;
}

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) {
    const [, key, value] = match;
    if (key !== undefined && value !== undefined) attributes[key.toLowerCase()] = decodeEntities(value);
  }
  return attributes;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_all, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_all, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The readable part of an error page, for the thrown message. */
function pageText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return decodeEntities(body.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
