/**
 * The YouTube provider: Google OAuth, resumable video upload (videos and Shorts), delete, health.
 */
import type { NetworkProvider } from '../contract.ts';
import { youtubeOAuth } from './auth.ts';
import { youtubeManifest } from './manifest.ts';
import { deleteYoutubeVideo } from './operations/delete.ts';
import { youtubeHealth } from './operations/health.ts';
import { publishYoutube } from './operations/publish.ts';
import { validateYoutube } from './operations/validate.ts';

export const youtubeProvider: NetworkProvider = {
  manifest: youtubeManifest,
  oauth: youtubeOAuth,
  publish: (context, account, request) => publishYoutube(context, account, request),
  delete: deleteYoutubeVideo,
  health: youtubeHealth,
  validate: validateYoutube,
};
