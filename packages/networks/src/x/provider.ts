/** X as a Plume network: manifest, OAuth connect, publish, delete, health, metrics, inbox and extra checks. */
import type { NetworkProvider } from '../contract.ts';
import { xOAuth } from './auth.ts';
import { xManifest } from './manifest.ts';
import { deleteFromX } from './operations/delete.ts';
import { getXAccountMetrics } from './operations/get-account-metrics.ts';
import { getXPostMetrics } from './operations/get-post-metrics.ts';
import { checkXHealth } from './operations/health.ts';
import { listXRecentPosts } from './operations/list-recent-posts.ts';
import { publishToX } from './operations/publish.ts';
import { validateForX } from './validate.ts';
import { listXInbox } from './operations/inbox-list.ts';
import { moderateOnX, replyOnX } from './operations/inbox-reply.ts';

export const xProvider: NetworkProvider = {
  manifest: xManifest,
  oauth: xOAuth,
  publish: publishToX,
  delete: deleteFromX,
  health: checkXHealth,
  validate: validateForX,
  getPostMetrics: getXPostMetrics,
  getAccountMetrics: getXAccountMetrics,
  listRecentPosts: listXRecentPosts,
  listInbox: listXInbox,
  replyToInbox: replyOnX,
  moderateInbox: moderateOnX,
};
