/**
 * The YouTube provider: Google OAuth, resumable video upload (videos and Shorts), delete, health, statistics.
 */
import type { NetworkProvider } from '../contract.ts';
import { youtubeOAuth } from './auth.ts';
import { youtubeManifest } from './manifest.ts';
import { deleteYoutubeVideo } from './operations/delete.ts';
import { getYoutubeAccountMetrics } from './operations/get-account-metrics.ts';
import { getYoutubePostMetrics } from './operations/get-post-metrics.ts';
import { youtubeHealth } from './operations/health.ts';
import { listYoutubePublicPosts } from './operations/public-posts.ts';
import { listYoutubeRecentPosts } from './operations/list-recent-posts.ts';
import { publishYoutube } from './operations/publish.ts';
import { validateYoutube } from './operations/validate.ts';
import { listYoutubeInbox } from './operations/inbox.ts';
import { moderateYoutubeInbox, replyYoutubeInbox } from './operations/inbox-reply.ts';

export const youtubeProvider: NetworkProvider = {
  manifest: youtubeManifest,
  oauth: youtubeOAuth,
  publish: (context, account, request) => publishYoutube(context, account, request),
  delete: deleteYoutubeVideo,
  health: youtubeHealth,
  validate: validateYoutube,
  getPostMetrics: getYoutubePostMetrics,
  getAccountMetrics: getYoutubeAccountMetrics,
  listRecentPosts: listYoutubeRecentPosts,
  listPublicPosts: listYoutubePublicPosts,
  listInbox: listYoutubeInbox,
  replyToInbox: replyYoutubeInbox,
  moderateInbox: moderateYoutubeInbox,
};
