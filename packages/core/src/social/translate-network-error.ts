import { AppError } from '@plume/errors/app-error';
import { HttpError } from '@plume/http/errors';
import { isProviderError } from '@plume/networks/provider-errors';

/**
 * Turns a failure of a network call made on a user's request (connect, health check) into an
 * AppError with a plain message. Publishing does not use this: the engine handles typed errors itself.
 */
export function translateNetworkError(error: unknown, networkName: string): AppError {
  if (error instanceof AppError) return error;
  if (isProviderError(error)) {
    switch (error.kind) {
      case 'auth_expired':
        return new AppError('network_rejected', { detail: `${networkName} did not accept these credentials. ${error.message}`, cause: error });
      case 'permanent':
        return new AppError('network_rejected', { detail: `${networkName}: ${error.reason}`, cause: error });
      case 'rate_limited':
        return new AppError('network_unavailable', {
          detail: `${networkName} asks us to slow down; try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`,
          headers: { 'retry-after': String(Math.ceil(error.retryAfterMs / 1000)) },
          cause: error,
        });
      case 'retryable':
        return new AppError('network_unavailable', { detail: `${networkName} had a temporary problem: ${error.reason}`, cause: error });
    }
  }
  if (error instanceof HttpError) {
    return new AppError('network_unavailable', { detail: `${networkName} could not be reached (${error.message}).`, cause: error });
  }
  return new AppError('network_unavailable', { detail: `${networkName} answered in a way we could not understand.`, cause: error });
}
