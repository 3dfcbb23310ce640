/**
 * The long-lived pieces publishing needs, built once per process from configuration: the network
 * runtime (providers, endpoints, app credentials, one guarded HTTP client), the media store and the
 * public URL networks and mails link to.
 */
import path from 'node:path';
import type { PlumeConfig } from '@plume/config/load-config';
import { createHttpClient, type HttpClient } from '@plume/http/http-client';
import type { HttpLogger } from '@plume/http/types';
import type { NetworkProvider } from '@plume/networks/contract';
import { createDiskMediaStore, type MediaStore } from '../media/media-store.ts';
import { createNetworkRuntime, type NetworkRuntime } from '../social/network-runtime.ts';

export type PublishingServices = { runtime: NetworkRuntime; media: MediaStore; appUrl: string; http: HttpClient };

export function createPublishingServices(input: {
  config: PlumeConfig;
  providers: readonly NetworkProvider[];
  logger?: HttpLogger;
}): PublishingServices {
  const { config } = input;
  const http = createHttpClient({
    allowPrivateHosts: config.HTTP_ALLOW_PRIVATE_HOSTS,
    timeoutMs: 60_000,
    retries: 1,
    // Rate limits go back to the engine, which reschedules instead of holding a worker.
    maxRetryAfterMs: 2_000,
    userAgent: 'Plume/0.1 (+https://github.com/plume-social/plume)',
    ...(input.logger === undefined ? {} : { logger: input.logger }),
  });
  return {
    http,
    runtime: createNetworkRuntime({
      providers: input.providers,
      config,
      http,
      credential: (key) => credentialOf(config, key),
    }),
    media: createDiskMediaStore(path.resolve(config.PLUME_DATA_DIR, 'media')),
    appUrl: config.publicUrl,
  };
}

function credentialOf(config: PlumeConfig, key: string): string | undefined {
  const value: unknown = (config as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
