import type { PlumeConfig } from '@plume/config/load-config';

type OriginConfig = Pick<PlumeConfig, 'PUBLIC_URL' | 'PORT' | 'NODE_ENV' | 'publicUrl'>;

const loopbackHosts = ['localhost', '127.0.0.1', '[::1]'];
const viteDevPort = 5173;

const originOf = (url: string): string => new URL(url).origin;

/**
 * The browser origins whose pages may change things with a session cookie: better-auth's
 * `trustedOrigins` and Plume's own check (apps/server/src/plugins/check-origin.ts) use this one list.
 * With `PUBLIC_URL` set, only its origin. Without it Plume answers on loopback, which people reach
 * as localhost, 127.0.0.1 or [::1]: all three names on the configured port.
 * @example trustedOrigins(parseConfig({ PORT: '3000' })) // ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']
 */
export function trustedOrigins(config: OriginConfig): string[] {
  const origins = config.PUBLIC_URL
    ? [originOf(config.publicUrl)]
    : loopbackHosts.map((host) => originOf(`http://${host}:${config.PORT}`));
  // The Vite dev server (npm run dev:web) proxies the API but keeps the browser's origin.
  if (config.NODE_ENV === 'development')
    origins.push(...loopbackHosts.map((host) => originOf(`http://${host}:${viteDevPort}`)));
  return [...new Set(origins)];
}

/** The origin of an `Origin` or `Referer` header value, or null when it has none (`null`, garbage). */
export function headerOrigin(value: string): string | null {
  try {
    const origin = originOf(value);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
