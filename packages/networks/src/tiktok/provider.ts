/**
 * The TikTok provider: Login Kit OAuth, Direct Post / inbox upload of a video or photos, health,
 * and Display API reads for metrics.
 * TikTok offers no delete; `delete` explains that in plain words.
 */
import type { NetworkProvider } from '../contract.ts';
import { tiktokOAuth } from './auth.ts';
import { tiktokManifest } from './manifest.ts';
import { getTikTokAccountMetrics } from './operations/account-metrics.ts';
import { deleteFromTikTok } from './operations/delete.ts';
import { checkTikTokHealth } from './operations/health.ts';
import { getTikTokPostMetrics } from './operations/post-metrics.ts';
import { publishToTikTok, type TikTokPublishOptions } from './operations/publish.ts';
import { listTikTokRecentPosts } from './operations/recent-posts.ts';
import { tiktokChunkRules } from './operations/upload-video.ts';
import { validateTikTok } from './validate.ts';

/** Polls every 5 s for up to 2 minutes (30 status reads a minute are allowed); 10 MiB chunks. */
export const tiktokPublishDefaults: TikTokPublishOptions = {
  poll: { intervalMs: 5_000, maxWaitMs: 120_000 },
  chunks: tiktokChunkRules,
};

/** Builds the provider; tests pass shorter polling and smaller chunks. */
export function createTikTokProvider(options: Partial<TikTokPublishOptions> = {}): NetworkProvider {
  const resolved: TikTokPublishOptions = { ...tiktokPublishDefaults, ...options };
  return {
    manifest: tiktokManifest,
    oauth: tiktokOAuth,
    publish: (context, account, request) => publishToTikTok(context, account, request, resolved),
    delete: () => deleteFromTikTok(),
    health: checkTikTokHealth,
    getPostMetrics: getTikTokPostMetrics,
    getAccountMetrics: getTikTokAccountMetrics,
    listRecentPosts: listTikTokRecentPosts,
    validate: validateTikTok,
  };
}

/** TikTok, as the publishing engine and web app use it. */
export const tiktokProvider: NetworkProvider = createTikTokProvider();
