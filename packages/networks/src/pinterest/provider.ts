/**
 * The Pinterest provider: OAuth, Pins from images, carousels or videos, delete, health, metrics. `listBoards`
 * is exported beside it for the composer's board select.
 */
import type { NetworkProvider } from '../contract.ts';
import { pinterestOAuth } from './auth.ts';
import { pinterestManifest } from './manifest.ts';
import { getPinterestAccountMetrics } from './operations/account-metrics.ts';
import { deletePin } from './operations/delete.ts';
import { checkPinterestHealth } from './operations/health.ts';
import { getPinterestPostMetrics } from './operations/pin-analytics.ts';
import { publishToPinterest, type PinterestPublishOptions } from './operations/publish.ts';
import { listPinterestRecentPosts } from './operations/recent-posts.ts';
import { validatePinterest } from './validate.ts';

export { listBoards, type PinterestBoard } from './operations/boards.ts';

/** Video processing: check every 3 s for up to 5 minutes. */
export const pinterestPublishDefaults: PinterestPublishOptions = {
  mediaPoll: { intervalMs: 3_000, maxWaitMs: 300_000 },
};

/** Builds the provider; tests pass a shorter video-processing wait. */
export function createPinterestProvider(options: Partial<PinterestPublishOptions> = {}): NetworkProvider {
  const resolved: PinterestPublishOptions = { ...pinterestPublishDefaults, ...options };
  return {
    manifest: pinterestManifest,
    oauth: pinterestOAuth,
    publish: (context, account, request) => publishToPinterest(context, account, request, resolved),
    delete: deletePin,
    health: checkPinterestHealth,
    getPostMetrics: getPinterestPostMetrics,
    getAccountMetrics: getPinterestAccountMetrics,
    listRecentPosts: listPinterestRecentPosts,
    validate: validatePinterest,
  };
}

/** Pinterest, as the publishing engine and web app use it. */
export const pinterestProvider: NetworkProvider = createPinterestProvider();
