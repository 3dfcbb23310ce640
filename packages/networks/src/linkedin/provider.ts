/**
 * The LinkedIn provider: members and organization pages, publishing through the versioned Posts API;
 * the inbox of organization pages through the Comments API.
 * Threads are not a LinkedIn concept; only the first part of a request is posted.
 */
import type { NetworkProvider } from '../contract.ts';
import { linkedinOAuth } from './auth.ts';
import { linkedinManifest } from './manifest.ts';
import { getLinkedInAccountMetrics } from './operations/account-metrics.ts';
import { deleteLinkedInPost } from './operations/delete.ts';
import { checkLinkedInHealth } from './operations/health.ts';
import { listLinkedInInbox } from './operations/inbox-list.ts';
import { moderateLinkedInInbox, replyToLinkedInInbox } from './operations/inbox-reply.ts';
import { getLinkedInPostMetrics } from './operations/post-metrics.ts';
import { publishLinkedIn } from './operations/publish.ts';

/** LinkedIn, as the publishing engine sees it. */
export const linkedinProvider: NetworkProvider = {
  manifest: linkedinManifest,
  oauth: linkedinOAuth,
  publish: publishLinkedIn,
  delete: deleteLinkedInPost,
  health: checkLinkedInHealth,
  getPostMetrics: getLinkedInPostMetrics,
  getAccountMetrics: getLinkedInAccountMetrics,
  listInbox: listLinkedInInbox,
  replyToInbox: replyToLinkedInInbox,
  moderateInbox: moderateLinkedInInbox,
  validate(request) {
    const issues: { path: string; message: string }[] = [];
    if (request.parts.length > 1)
      issues.push({ path: 'parts', message: 'LinkedIn has no threads; post one part only.' });
    const media = request.parts[0].media;
    const videos = media.filter((item) => item.kind === 'video').length;
    if (videos > 0 && media.length > 1)
      issues.push({ path: 'parts.0.media', message: 'A LinkedIn post can have one video, without images.' });
    return issues;
  },
};
