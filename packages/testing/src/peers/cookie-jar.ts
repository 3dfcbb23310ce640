/**
 * A small cookie jar for driving login pages over HTTP the way a browser would: it keeps cookies per
 * host and path, honours Expires/Max-Age (oidc-provider deletes its interaction cookies by expiring
 * them) and sends back only the cookies whose path matches the request.
 */

interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  /** Epoch ms; undefined for a session cookie. */
  expiresAt: number | undefined;
}

/** Cookies a simulated browser holds; share one jar across flows to keep the login session. */
export class CookieJar {
  #cookies: StoredCookie[] = [];

  /** Stores the `Set-Cookie` headers of a response to a request for `url`. */
  store(url: URL, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header, url);
      if (cookie === undefined) continue;
      this.#cookies = this.#cookies.filter(
        (kept) => !(kept.name === cookie.name && kept.host === cookie.host && kept.path === cookie.path),
      );
      if (cookie.expiresAt === undefined || cookie.expiresAt > Date.now()) this.#cookies.push(cookie);
    }
  }

  /** The `Cookie` header value for a request to `url`, or undefined when no cookie applies. */
  headerFor(url: URL): string | undefined {
    const now = Date.now();
    const matching = this.#cookies.filter(
      (cookie) =>
        cookie.host === url.host &&
        pathMatches(url.pathname, cookie.path) &&
        (cookie.expiresAt === undefined || cookie.expiresAt > now),
    );
    // RFC 6265 §5.4: longer paths first.
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  }

  /** Names of the cookies currently held (for assertions and debugging). */
  names(): string[] {
    return this.#cookies.map((cookie) => cookie.name);
  }
}

function parseSetCookie(header: string, url: URL): StoredCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return undefined;
  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    host: url.host,
    path: defaultPath(url.pathname),
    expiresAt: undefined,
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      maxAgeSeen = true;
      cookie.expiresAt = Date.now() + Number(value) * 1000;
    } else if (key === 'expires' && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expiresAt = time;
    }
  }
  return cookie;
}

/** RFC 6265 §5.1.4 default-path. */
function defaultPath(pathname: string): string {
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

/** RFC 6265 §5.1.4 path-match. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}
