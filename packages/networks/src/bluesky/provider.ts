/** Bluesky as a Plume network: manifest, app-password sign-in, publish, delete, health, metrics, inbox and extra checks. */
import type { NetworkProvider } from '../contract.ts';
import { blueskyCredentials } from './auth.ts';
import { loadFacetLibrary } from './facets.ts';
import { blueskyManifest } from './manifest.ts';
import { deleteFromBluesky } from './operations/delete.ts';
import { getBlueskyAccountMetrics } from './operations/get-account-metrics.ts';
import { getBlueskyPostMetrics } from './operations/get-post-metrics.ts';
import { checkBlueskyHealth } from './operations/health.ts';
import { listBlueskyPublicPosts } from './operations/list-public-posts.ts';
import { listBlueskyRecentPosts } from './operations/list-recent-posts.ts';
import { publishToBluesky } from './operations/publish.ts';
import { validateForBluesky } from './validate.ts';
import { listBlueskyInbox } from './operations/inbox-list.ts';
import { moderateOnBluesky, replyOnBluesky } from './operations/inbox-reply.ts';

export const blueskyProvider: NetworkProvider = {
  manifest: blueskyManifest,
  credentials: blueskyCredentials,
  publish: publishToBluesky,
  warmUp: loadFacetLibrary,
  delete: deleteFromBluesky,
  health: checkBlueskyHealth,
  validate: validateForBluesky,
  getPostMetrics: getBlueskyPostMetrics,
  getAccountMetrics: getBlueskyAccountMetrics,
  listRecentPosts: listBlueskyRecentPosts,
  listPublicPosts: listBlueskyPublicPosts,
  listInbox: listBlueskyInbox,
  replyToInbox: replyOnBluesky,
  moderateInbox: moderateOnBluesky,
};
