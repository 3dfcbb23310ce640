/**
 * The Instagram provider: business and creator accounts through the Instagram API with Instagram
 * Login. Media is required and fetched by Instagram from its public URL; posts cannot be deleted.
 */
import type { NetworkProvider } from '../contract.ts';
import { instagramOAuth } from './auth.ts';
import { instagramManifest } from './manifest.ts';
import { getInstagramAccountMetrics } from './operations/account-metrics.ts';
import { deleteInstagramPost } from './operations/delete.ts';
import { checkInstagramHealth } from './operations/health.ts';
import { getInstagramPostMetrics } from './operations/post-metrics.ts';
import { publishInstagram } from './operations/publish.ts';
import { listInstagramRecentPosts } from './operations/recent-posts.ts';
import { validateInstagram } from './validate.ts';
import { listInstagramInbox } from './operations/inbox.ts';
import { moderateInstagramInbox, replyInstagramInbox } from './operations/inbox-reply.ts';
import { instagramInboxWebhook } from './operations/inbox-webhook.ts';

/** Instagram, as the publishing engine sees it. */
export const instagramProvider: NetworkProvider = {
  manifest: instagramManifest,
  oauth: instagramOAuth,
  publish: publishInstagram,
  delete: deleteInstagramPost,
  health: checkInstagramHealth,
  getPostMetrics: getInstagramPostMetrics,
  getAccountMetrics: getInstagramAccountMetrics,
  listRecentPosts: listInstagramRecentPosts,
  listInbox: listInstagramInbox,
  replyToInbox: replyInstagramInbox,
  moderateInbox: moderateInstagramInbox,
  inboxWebhook: instagramInboxWebhook,
  validate: validateInstagram,
};
