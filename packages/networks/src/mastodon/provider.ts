/** Mastodon as a Plume network: per-server app registration, OAuth connect, publish, delete, health. */
import type { NetworkProvider } from '../contract.ts';
import { mastodonOAuth } from './auth.ts';
import { mastodonManifest } from './manifest.ts';
import { deleteFromMastodon } from './operations/delete.ts';
import { checkMastodonHealth } from './operations/health.ts';
import { publishToMastodon } from './operations/publish.ts';
import { mastodonTextRules, validateForMastodon } from './validate.ts';

export const mastodonProvider: NetworkProvider = {
  manifest: mastodonManifest,
  oauth: mastodonOAuth,
  publish: publishToMastodon,
  delete: deleteFromMastodon,
  health: checkMastodonHealth,
  textRulesFor: mastodonTextRules,
  validate: validateForMastodon,
};
