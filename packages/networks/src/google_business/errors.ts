/**
 * Business Profile error reasons in plain words. The APIs answer in the AIP-193 shape
 * (`{error:{code,message,status,details}}`); the body reading and status mapping are Google's shared
 * ones (youtube/google-errors.ts). 429 RESOURCE_EXHAUSTED is the per-minute project quota.
 *
 * Docs: https://developers.google.com/my-business/content/limits, https://cloud.google.com/apis/design/errors
 */
import type { GoogleVocabulary } from '../youtube/google-errors.ts';

export const googleBusinessVocabulary: GoogleVocabulary = {
  plainWords: {
    PERMISSION_DENIED:
      'Google refused access to this Business Profile. Check that the connected Google account still manages the location.',
    NOT_FOUND: 'Google has no such Business Profile location or post.',
    SERVICE_DISABLED:
      "A Business Profile API is not enabled in this server's Google Cloud project. The server admin must enable it (see docs/networks/google_business.md).",
  },
};
