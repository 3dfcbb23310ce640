/**
 * Why a request got no answer, in words a person can act on: "DNS lookup failed", "connection
 * refused", "no answer within 10 s", or a private address the SSRF guard refused. Callers name the
 * host (this server could not reach it) instead of blaming the service behind it.
 */
import { HttpNetworkError, HttpTimeoutError, SsrfBlockedError } from './errors.ts';

export type UnreachableKind =
  'dns' | 'refused' | 'timeout' | 'unreachable' | 'reset' | 'tls' | 'private' | 'scheme' | 'other';

/** The host that could not be reached and why; `kind` is stable, `reason` is words for people. */
export interface Unreachable {
  host: string;
  kind: UnreachableKind;
  reason: string;
}

const systemReasons: readonly [readonly string[], UnreachableKind, string][] = [
  [['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'], 'dns', 'DNS lookup failed'],
  [['ECONNREFUSED'], 'refused', 'connection refused'],
  [['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT'], 'timeout', 'the connection timed out'],
  [['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'], 'unreachable', 'no route to the host; is this server offline?'],
  [['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'], 'reset', 'the connection was closed before an answer'],
];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function isTlsCode(code: string): boolean {
  return (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code) || code.includes('CERT')
  );
}

function fromNetworkError(error: HttpNetworkError): Unreachable {
  const host = hostOf(error.url);
  const code = error.systemCode;
  if (code !== undefined) {
    for (const [codes, kind, reason] of systemReasons) if (codes.includes(code)) return { host, kind, reason };
    if (isTlsCode(code)) return { host, kind: 'tls', reason: 'its TLS certificate was not accepted' };
  }
  return {
    host,
    kind: 'other',
    reason: code === undefined ? 'the connection failed' : `the connection failed (${code})`,
  };
}

/** The first HTTP-layer failure in an error and its causes (provider errors wrap them). */
function findHttpFailure(error: unknown): HttpNetworkError | HttpTimeoutError | SsrfBlockedError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (
      current instanceof HttpNetworkError ||
      current instanceof HttpTimeoutError ||
      current instanceof SsrfBlockedError
    )
      return current;
    current = current.cause;
  }
  return undefined;
}

/**
 * Says why a request got no answer, or undefined when the failure is not about reaching the host
 * (the host answered, with an error or a body we could not read).
 * @example describeUnreachable(error) // { host: 'bsky.social', kind: 'dns', reason: 'DNS lookup failed' }
 */
export function describeUnreachable(error: unknown): Unreachable | undefined {
  const failure = findHttpFailure(error);
  if (failure === undefined) return undefined;
  if (failure instanceof SsrfBlockedError) {
    return failure.reason === 'scheme'
      ? { host: failure.host, kind: 'scheme', reason: 'only http and https addresses are allowed' }
      : {
          host: failure.host,
          kind: 'private',
          reason: `${failure.address ?? failure.host} is a private, loopback or link-local address`,
        };
  }
  if (failure instanceof HttpTimeoutError) {
    return {
      host: hostOf(failure.url),
      kind: 'timeout',
      reason: `no answer within ${Math.round(failure.timeoutMs / 100) / 10} s`,
    };
  }
  return fromNetworkError(failure);
}
