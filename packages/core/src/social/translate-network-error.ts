import { AppError } from '@plume/errors/app-error';
import { describeUnreachable, type Unreachable } from '@plume/http/describe-failure';
import { HttpError } from '@plume/http/errors';
import { isProviderError } from '@plume/networks/provider-errors';

/**
 * When this server could not reach a host, the message says so and why ("DNS lookup failed"), naming
 * the host rather than blaming the network; a private address refused by the SSRF guard names the
 * setting that allows it.
 */
function unreachableError(failure: Unreachable, cause: unknown): AppError {
  if (failure.kind === 'private') {
    return new AppError('network_unavailable', {
      detail:
        `Plume did not connect to ${failure.host}: ${failure.reason}, and this server only reaches public addresses. ` +
        `If ${failure.host} is yours and should be reachable, add it to HTTP_ALLOW_PRIVATE_HOSTS in Plume's configuration and restart Plume.`,
      cause,
    });
  }
  if (failure.kind === 'scheme') {
    return new AppError('network_unavailable', {
      detail: `Plume did not connect to ${failure.host}: ${failure.reason}.`,
      cause,
    });
  }
  return new AppError('network_unavailable', {
    detail: `Plume could not reach ${failure.host} from this server (${failure.reason}).`,
    cause,
  });
}

/**
 * Turns a failure of a network call made on a user's request (connect, health check) into an
 * AppError with a plain message. Publishing does not use this: the engine handles typed errors itself.
 */
export function translateNetworkError(error: unknown, networkName: string): AppError {
  if (error instanceof AppError) return error;
  const unreachable = describeUnreachable(error);
  if (unreachable !== undefined) return unreachableError(unreachable, error);
  if (isProviderError(error)) {
    switch (error.kind) {
      case 'auth_expired':
        return new AppError('network_rejected', {
          detail: `${networkName} did not accept these credentials. ${error.message}`,
          cause: error,
        });
      case 'permanent':
        return new AppError('network_rejected', { detail: `${networkName}: ${error.reason}`, cause: error });
      case 'rate_limited':
        return new AppError('network_unavailable', {
          detail: `${networkName} asks us to slow down; try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`,
          headers: { 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) },
          cause: error,
        });
      case 'retryable':
        return new AppError('network_unavailable', {
          detail: `${networkName} had a temporary problem: ${error.reason}`,
          cause: error,
        });
    }
  }
  if (error instanceof HttpError) {
    return new AppError('network_unavailable', {
      detail: `${networkName} could not be reached (${error.message}).`,
      cause: error,
    });
  }
  return new AppError('network_unavailable', {
    detail: `${networkName} answered in a way we could not understand.`,
    cause: error,
  });
}

/**
 * When the host that could not be reached is one the person typed (a Bluesky PDS, a webhook URL),
 * the problem is also put at that field (`credentials.service`), so the form shows it there.
 */
export function atFieldOfHost(
  translated: AppError,
  error: unknown,
  fields: Readonly<Record<string, unknown>>,
  prefix: string,
): AppError {
  const host = describeUnreachable(error)?.host;
  if (host === undefined || translated.errors !== undefined) return translated;
  const field = Object.entries(fields).find(([, value]) => typeof value === 'string' && hostOfUrl(value) === host)?.[0];
  if (field === undefined) return translated;
  const detail = translated.detail ?? translated.message;
  return new AppError(translated.code, {
    detail,
    errors: [{ path: prefix === '' ? field : `${prefix}.${field}`, message: detail }],
    cause: error,
  });
}

function hostOfUrl(value: string): string | undefined {
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
}
