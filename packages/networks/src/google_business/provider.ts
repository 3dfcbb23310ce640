/**
 * The Google Business Profile provider: Google OAuth (shared with YouTube), local posts with a photo
 * and a button, delete, health, reviews in the inbox and answers to them.
 */
import type { NetworkProvider } from '../contract.ts';
import { googleBusinessOAuth } from './auth.ts';
import { google_businessManifest } from './manifest.ts';
import { deleteGoogleBusinessPost } from './operations/delete.ts';
import { googleBusinessHealth } from './operations/health.ts';
import { listGoogleBusinessInbox, replyToGoogleBusinessReview } from './operations/inbox-reviews.ts';
import { publishGoogleBusiness } from './operations/publish.ts';
import { validateGoogleBusiness } from './operations/validate.ts';

export const google_businessProvider: NetworkProvider = {
  manifest: google_businessManifest,
  oauth: googleBusinessOAuth,
  publish: publishGoogleBusiness,
  delete: deleteGoogleBusinessPost,
  health: googleBusinessHealth,
  validate: validateGoogleBusiness,
  listInbox: listGoogleBusinessInbox,
  replyToInbox: replyToGoogleBusinessReview,
};
