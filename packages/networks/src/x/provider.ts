/** X as a Plume network: manifest, OAuth connect, publish, delete, health and extra checks. */
import type { NetworkProvider } from '../contract.ts';
import { xOAuth } from './auth.ts';
import { xManifest } from './manifest.ts';
import { deleteFromX } from './operations/delete.ts';
import { checkXHealth } from './operations/health.ts';
import { publishToX } from './operations/publish.ts';
import { validateForX } from './validate.ts';

export const xProvider: NetworkProvider = {
  manifest: xManifest,
  oauth: xOAuth,
  publish: publishToX,
  delete: deleteFromX,
  health: checkXHealth,
  validate: validateForX,
};
