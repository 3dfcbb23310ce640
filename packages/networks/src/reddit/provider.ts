/**
 * The Reddit provider: OAuth (Basic client auth, no PKCE), self and link posts with a first comment,
 * delete, health, post scores and backfill, and the inbox (comments, replies, mentions, messages). A descriptive User-Agent goes on every request (Reddit's API rules).
 */
import type { NetworkProvider } from '../contract.ts';
import { redditOAuth } from './auth.ts';
import { redditManifest } from './manifest.ts';
import { deleteRedditPost } from './operations/delete.ts';
import { listRedditInbox } from './operations/inbox-list.ts';
import { moderateRedditInbox, replyToRedditInbox } from './operations/inbox-reply.ts';
import { getRedditPostMetrics } from './operations/get-post-metrics.ts';
import { redditHealth } from './operations/health.ts';
import { listRedditRecentPosts } from './operations/list-recent-posts.ts';
import { publishReddit } from './operations/publish.ts';
import { validateReddit } from './operations/validate.ts';

export const redditProvider: NetworkProvider = {
  manifest: redditManifest,
  oauth: redditOAuth,
  publish: publishReddit,
  delete: deleteRedditPost,
  health: redditHealth,
  validate: validateReddit,
  getPostMetrics: getRedditPostMetrics,
  listRecentPosts: listRedditRecentPosts,
  listInbox: listRedditInbox,
  replyToInbox: replyToRedditInbox,
  moderateInbox: moderateRedditInbox,
};
