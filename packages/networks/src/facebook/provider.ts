/**
 * The Facebook provider: Pages only, publishing as the Page with its own Page token.
 * Threads are not a Facebook concept; only the first part of a request is posted.
 */
import type { NetworkProvider } from '../contract.ts';
import { facebookOAuth } from './auth.ts';
import { facebookManifest } from './manifest.ts';
import { getFacebookAccountMetrics } from './operations/account-metrics.ts';
import { deleteFacebookPost } from './operations/delete.ts';
import { checkFacebookHealth } from './operations/health.ts';
import { getFacebookPostMetrics } from './operations/post-metrics.ts';
import { publishFacebook } from './operations/publish.ts';
import { listFacebookRecentPosts } from './operations/recent-posts.ts';
import { listFacebookInbox } from './operations/inbox.ts';
import { moderateFacebookInbox, replyFacebookInbox } from './operations/inbox-reply.ts';
import { facebookInboxWebhook } from './meta-webhook.ts';

/** Facebook Pages, as the publishing engine sees them. */
export const facebookProvider: NetworkProvider = {
  manifest: facebookManifest,
  oauth: facebookOAuth,
  publish: publishFacebook,
  delete: deleteFacebookPost,
  health: checkFacebookHealth,
  getPostMetrics: getFacebookPostMetrics,
  getAccountMetrics: getFacebookAccountMetrics,
  listRecentPosts: listFacebookRecentPosts,
  listInbox: listFacebookInbox,
  replyToInbox: replyFacebookInbox,
  moderateInbox: moderateFacebookInbox,
  inboxWebhook: facebookInboxWebhook,
  validate(request) {
    const issues: { path: string; message: string }[] = [];
    if (request.parts.length > 1)
      issues.push({ path: 'parts', message: 'Facebook has no threads; post one part only.' });
    const media = request.parts[0].media;
    if (media.some((item) => item.kind === 'video') && media.length > 1) {
      issues.push({ path: 'parts.0.media', message: 'A Facebook post can have one video, without photos.' });
    }
    return issues;
  },
};
