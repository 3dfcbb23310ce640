/**
 * Steps that run before a status is created (media uploads): whatever goes wrong there, the status
 * certainly does not exist yet, so transport failures and unreadable answers may be retried.
 */
import { HttpError } from '@plume/http/errors';
import { Retryable, isProviderError } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';

/** Runs a pre-create step; timeouts, resets and unreadable answers become Retryable. */
export async function beforeCreate<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (error instanceof HttpError || error instanceof MalformedResponse) {
      throw new Retryable(`Preparing the media failed before the post was created: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
