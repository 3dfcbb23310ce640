/**
 * Facebook's failure mapping: the shared Graph mapping plus Facebook-specific plain words.
 * An already-deleted post answers code 100 with subcode 33 ("object does not exist").
 */
import type { FailureMapping } from '../shared/network-call.ts';
import { graphFailureMapping, readGraphError } from './graph-errors.ts';

/** Failure mapping for every Facebook Graph call. */
export const facebookFailure: FailureMapping = graphFailureMapping((error) => {
  // (#324) "Missing or invalid image file": Facebook could not fetch or read the image at its URL.
  if (error.code === 324) {
    return {
      message: 'Facebook could not read the image at its URL; check that PUBLIC_URL is reachable from the internet.',
      kind: 'permanent',
    };
  }
  // Graph reports a wrong app secret as code 1, which would otherwise read as a temporary error.
  if (error.code === 1 && /client secret/i.test(error.message ?? '')) {
    return {
      message: 'Facebook rejected the app secret; check FACEBOOK_APP_ID and FACEBOOK_APP_SECRET.',
      kind: 'permanent',
    };
  }
  return undefined;
});

/** True when Graph says the object is gone (deleting it again is then a success). */
export function isMissingObject(status: number, body: unknown): boolean {
  if (status === 404) return true;
  const error = readGraphError(body);
  return error?.code === 100 && error.subcode === 33;
}
