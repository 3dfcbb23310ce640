import type { PlumeConfig } from '@plume/config/load-config';
import type { Auth } from '@plume/core/accounts/create-auth';
import type { LlmServices } from '@plume/core/llm/llm-services';
import type { PublishingServices } from '@plume/core/publishing/publishing-services';
import type { Keyring } from '@plume/core/secrets/keyring';
import type { Database } from '@plume/db/client';
import type { SessionCache } from './lib/session-cache.ts';

/** What route handlers may use. Built once at boot and passed to `buildApp`. */
export type AppContext = {
  config: PlumeConfig;
  db: Database;
  auth: Auth;
  keyring: Keyring;
  /** Networks, media store and public URL (see packages/core/src/publishing/publishing-services.ts). */
  publishing: PublishingServices;
  /** The LLM gateway, provider directory and Ollama's address (see packages/core/src/llm/llm-services.ts). */
  llm: LlmServices;
  /** Folder of the built web app, served at `/`; absent when only the API runs. */
  webDistDir?: string | undefined;
  /** Filled in by `buildApp`: memo of resolved sessions (see lib/session-cache.ts). */
  sessionCache?: SessionCache;
};
