/**
 * The long-lived pieces of the media gateway, built once per process beside the LLM gateway (and
 * reached through `LlmServices.media`): the media provider directory (instance providers from the
 * configuration + workspaces' own `llm_providers` rows with purpose `media`), the gateway with its own
 * circuit breakers, the same budget, ledger and policy table as text. The local servers the operator
 * configured are let past the SSRF guard; a workspace's servers are not.
 */
import { and, eq } from 'drizzle-orm';
import type { PlumeConfig } from '@plume/config/load-config';
import type { MediaProviderKind } from '@plume/contract/media/media-enums';
import type { Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import { createHttpClient, type HttpClient } from '@plume/http/http-client';
import type { HttpLogger } from '@plume/http/types';
import type { BudgetAlert } from '@plume/llm/gateway/attempt';
import type { GatewayStore } from '@plume/llm/gateway/gateway-store';
import { createMediaGateway, type MediaGatewayService } from '@plume/media/gateway/media-gateway';
import {
  createMediaProviderDirectory,
  type MediaProviderDirectory,
  type StoredMediaProvider,
} from '@plume/media/providers/media-provider-directory';
import { readStoredPolicy } from '../llm/manage-llm-settings.ts';

export type MediaServices = {
  gateway: MediaGatewayService;
  directory: MediaProviderDirectory;
  /** SSRF-guarded client for servers a workspace names (testing a configuration before saving it). */
  workspaceHttp: HttpClient;
  /** espeak-ng's program when installed (ESPEAK_PATH or PATH). */
  espeakPath: string | undefined;
};

/** The operator's local media servers: their hosts may be private. */
function configuredHosts(config: PlumeConfig): string[] {
  const urls = [config.SD_WEBUI_URL, config.COMFYUI_URL, config.OPENAI_COMPATIBLE_IMAGE_URL, config.SPEECH_URL];
  return urls.flatMap((url) => (url ? [new URL(url).hostname] : []));
}

export async function listWorkspaceMediaProviders(db: Database, workspaceId: string): Promise<StoredMediaProvider[]> {
  const { providerId, kind, baseUrl, apiKeyCiphertext, enabled, updatedAt } = llmProviders;
  const rows = await db
    .select({ providerId, kind, baseUrl, apiKeyCiphertext, enabled, updatedAt })
    .from(llmProviders)
    .where(and(eq(llmProviders.workspaceId, workspaceId), eq(llmProviders.purpose, 'media')));
  return rows.map((row) => ({ ...row, kind: row.kind as MediaProviderKind }));
}

export function createMediaServices(input: {
  config: PlumeConfig;
  db: Database;
  store: Pick<GatewayStore, 'readBudgetAndCache' | 'recordUsage' | 'claimAlert'>;
  decrypt: (ciphertext: string) => string;
  logger?: HttpLogger | undefined;
  onBudgetAlert?: ((alert: BudgetAlert) => Promise<void>) | undefined;
}): MediaServices {
  const { config, db } = input;
  const common = {
    userAgent: 'Plume/0.1 (+https://github.com/plume-social/plume)',
    retries: 0,
    ...(input.logger === undefined ? {} : { logger: input.logger }),
  };
  const instanceHttp = createHttpClient({
    ...common,
    allowPrivateHosts: [...config.HTTP_ALLOW_PRIVATE_HOSTS, ...configuredHosts(config)],
  });
  const workspaceHttp = createHttpClient({ ...common, allowPrivateHosts: config.HTTP_ALLOW_PRIVATE_HOSTS });
  const directory = createMediaProviderDirectory({
    store: { listWorkspaceMediaProviders: (workspaceId) => listWorkspaceMediaProviders(db, workspaceId) },
    decrypt: input.decrypt,
    instance: {
      openaiKey: config.OPENAI_API_KEY,
      stabilityKey: config.STABILITY_API_KEY,
      googleKey: config.GOOGLE_AI_API_KEY,
      sdWebuiUrl: config.SD_WEBUI_URL,
      comfyuiUrl: config.COMFYUI_URL,
      openaiCompatibleImageUrl: config.OPENAI_COMPATIBLE_IMAGE_URL,
      speechUrl: config.SPEECH_URL,
      espeakPath: config.espeakPath,
    },
    instanceHttp,
    workspaceHttp,
  });
  const gateway = createMediaGateway({
    store: input.store,
    providers: (workspaceId) => directory.list(workspaceId),
    policy: (workspaceId, task) => readStoredPolicy(db, workspaceId, task),
    ...(input.onBudgetAlert === undefined ? {} : { onBudgetAlert: input.onBudgetAlert }),
  });
  return { gateway, directory, workspaceHttp, espeakPath: config.espeakPath };
}
