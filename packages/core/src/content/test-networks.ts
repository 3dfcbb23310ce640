/**
 * Real network manifests for this folder's tests, imported one by one (the registry would also load
 * every provider's operations and SDKs, which these pure functions never touch).
 */
import { blueskyManifest } from '@plume/networks/bluesky/manifest';
import { discordManifest } from '@plume/networks/discord/manifest';
import { linkedinManifest } from '@plume/networks/linkedin/manifest';
import { mastodonManifest } from '@plume/networks/mastodon/manifest';
import { xManifest } from '@plume/networks/x/manifest';
import { youtubeManifest } from '@plume/networks/youtube/manifest';
import type { TargetNetwork } from './target-network.ts';

export const testNetworks = {
  x: xManifest,
  bluesky: blueskyManifest,
  mastodon: mastodonManifest,
  linkedin: linkedinManifest,
  discord: discordManifest,
  youtube: youtubeManifest,
} satisfies Record<string, TargetNetwork>;
