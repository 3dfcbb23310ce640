/**
 * Steps that run before a post exists on the network (media uploads, containers, link cards): whatever
 * goes wrong there, nothing public was created, so timeouts, resets and unreadable answers may be retried.
 */
import { HttpError } from '@plume/http/errors';
import { Retryable, isProviderError } from '../provider-errors.ts';
import { MalformedResponse } from './network-call.ts';

/**
 * Runs a pre-create step; transport failures and unreadable answers become Retryable, typed provider
 * errors pass through. `failure` opens the message: "Uploading the media to X failed".
 */
export async function beforeCreate<T>(failure: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isProviderError(error)) throw error;
    if (error instanceof HttpError || error instanceof MalformedResponse) {
      throw new Retryable(`${failure}; the post was not created yet: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
