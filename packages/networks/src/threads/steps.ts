/**
 * Steps that run before a post is published (containers, media processing): whatever goes wrong
 * there, the post certainly does not exist yet, so transport failures and unreadable answers may be
 * retried.
 */
import { HttpError } from '@plume/http/errors';
import { Retryable, isProviderError } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';

/** Runs a pre-publish step; timeouts, resets and unreadable answers become Retryable. */
export async function beforeCreate<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (error instanceof HttpError || error instanceof MalformedResponse) {
      throw new Retryable(`Preparing the post failed before it was published: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
