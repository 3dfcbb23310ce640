/** Discord as a Plume network: manifest, webhook connect, publish, delete, health and extra checks. */
import type { NetworkProvider } from '../contract.ts';
import { discordCredentials } from './auth.ts';
import { discordManifest } from './manifest.ts';
import { deleteFromDiscord } from './operations/delete.ts';
import { checkDiscordHealth } from './operations/health.ts';
import { publishToDiscord } from './operations/publish.ts';
import { validateForDiscord } from './validate.ts';

export const discordProvider: NetworkProvider = {
  manifest: discordManifest,
  credentials: discordCredentials,
  publish: publishToDiscord,
  delete: deleteFromDiscord,
  health: checkDiscordHealth,
  validate: validateForDiscord,
};
