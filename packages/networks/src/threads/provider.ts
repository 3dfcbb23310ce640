/** Threads as a Plume network: manifest, OAuth connect, publish, delete, health, insights, inbox and extra checks. */
import type { NetworkProvider } from '../contract.ts';
import { threadsOAuth } from './auth.ts';
import { threadsManifest } from './manifest.ts';
import { deleteFromThreads } from './operations/delete.ts';
import { getThreadsAccountMetrics } from './operations/get-account-metrics.ts';
import { getThreadsPostMetrics } from './operations/get-post-metrics.ts';
import { checkThreadsHealth } from './operations/health.ts';
import { listThreadsRecentPosts } from './operations/list-recent-posts.ts';
import { publishToThreads } from './operations/publish.ts';
import { validateForThreads } from './validate.ts';
import { listThreadsInbox } from './operations/inbox-list.ts';
import { moderateOnThreads, replyOnThreads } from './operations/inbox-reply.ts';

export const threadsProvider: NetworkProvider = {
  manifest: threadsManifest,
  oauth: threadsOAuth,
  publish: publishToThreads,
  delete: deleteFromThreads,
  health: checkThreadsHealth,
  validate: validateForThreads,
  getPostMetrics: getThreadsPostMetrics,
  getAccountMetrics: getThreadsAccountMetrics,
  listRecentPosts: listThreadsRecentPosts,
  listInbox: listThreadsInbox,
  replyToInbox: replyOnThreads,
  moderateInbox: moderateOnThreads,
};
