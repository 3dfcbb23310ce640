/** Mastodon as a Plume network: per-server app registration, OAuth connect, publish, delete, health, metrics, inbox. */
import type { NetworkProvider } from '../contract.ts';
import { mastodonOAuth } from './auth.ts';
import { mastodonManifest } from './manifest.ts';
import { deleteFromMastodon } from './operations/delete.ts';
import { checkMastodonHealth } from './operations/health.ts';
import { getMastodonAccountMetrics, getMastodonPostMetrics, mastodonPostsPerCall } from './operations/metrics.ts';
import { listMastodonPublicPosts } from './operations/public-posts.ts';
import { listMastodonRecentPosts } from './operations/recent-posts.ts';
import { publishToMastodon } from './operations/publish.ts';
import { mastodonTextRules, validateForMastodon } from './validate.ts';
import { listMastodonInbox } from './operations/inbox-list.ts';
import { replyOnMastodon } from './operations/inbox-reply.ts';

export const mastodonProvider: NetworkProvider = {
  manifest: mastodonManifest,
  oauth: mastodonOAuth,
  publish: publishToMastodon,
  delete: deleteFromMastodon,
  health: checkMastodonHealth,
  getPostMetrics: getMastodonPostMetrics,
  postMetricsPerCall: mastodonPostsPerCall,
  getAccountMetrics: getMastodonAccountMetrics,
  listRecentPosts: listMastodonRecentPosts,
  listPublicPosts: listMastodonPublicPosts,
  textRulesFor: mastodonTextRules,
  validate: validateForMastodon,
  listInbox: listMastodonInbox,
  replyToInbox: replyOnMastodon,
};
