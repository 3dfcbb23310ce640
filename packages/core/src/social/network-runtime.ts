/**
 * What the rest of Plume knows about networks at run time: which providers exist, which are ready
 * (app credentials configured, or none needed) and the NetworkContext each call gets, with base URLs
 * overridden from configuration and one guarded HTTP client shared by all adapters.
 */
import type { PlumeConfig } from '@plume/config/load-config';
import type { HttpClient } from '@plume/http/http-client';
import type { NetworkContext, NetworkId, NetworkProvider } from '@plume/networks/contract';
import { AppError } from '@plume/errors/app-error';

export type NetworkStatus = { ready: true } | { ready: false; missing: string[] };

export interface NetworkRuntime {
  providers: readonly NetworkProvider[];
  /** The provider, or a 404 for an unknown network id. */
  provider(id: string): NetworkProvider;
  status(id: NetworkId): NetworkStatus;
  /** A context for calls to the network; throws network_not_configured when app credentials are missing. */
  context(id: NetworkId, app?: { clientId: string; clientSecret: string }): NetworkContext;
  /**
   * A context for reading other accounts' public posts (`listPublicPosts`): no app credentials, with
   * the API key the manifest's `analytics.publicPosts.apiKey` names; null when that key is not set.
   */
  publicReadContext(id: NetworkId): NetworkContext | null;
  /** Where networks send the user back after authorization. */
  redirectUri: string;
}

export function createNetworkRuntime(input: {
  providers: readonly NetworkProvider[];
  config: Pick<PlumeConfig, 'NETWORK_ENDPOINTS' | 'PUBLIC_URL' | 'PORT'>;
  /** Reads an app credential by its configuration key (see NETWORK_CREDENTIAL_KEYS). */
  credential: (key: string) => string | undefined;
  http: HttpClient;
  now?: () => Date;
}): NetworkRuntime {
  const byId = new Map(input.providers.map((provider) => [provider.manifest.id as string, provider]));
  const now = input.now ?? (() => new Date());
  const publicUrl = input.config.PUBLIC_URL ?? `http://localhost:${input.config.PORT}`;
  const redirectUri = new URL('/api/v1/accounts/oauth/callback', publicUrl).toString();

  function provider(id: string): NetworkProvider {
    const found = byId.get(id);
    if (found === undefined) throw AppError.notFound('network');
    return found;
  }

  function appCredentials(
    id: NetworkId,
  ): { clientId: string; clientSecret: string } | { missing: string[] } | undefined {
    const auth = provider(id).manifest.auth;
    if (auth.kind !== 'oauth2' || auth.appCredentials === undefined) return undefined;
    const { clientId: idKey, clientSecret: secretKey } = auth.appCredentials;
    const clientId = input.credential(idKey);
    const clientSecret = input.credential(secretKey);
    if (clientId === undefined || clientSecret === undefined) {
      return { missing: [idKey, secretKey].filter((key) => input.credential(key) === undefined) };
    }
    return { clientId, clientSecret };
  }

  return {
    providers: input.providers,
    provider,
    redirectUri,
    status(id) {
      const app = appCredentials(id);
      return app !== undefined && 'missing' in app ? { ready: false, missing: app.missing } : { ready: true };
    },
    publicReadContext(id) {
      const keyName = provider(id).manifest.analytics.publicPosts?.apiKey;
      const apiKey = keyName === undefined ? undefined : input.credential(keyName);
      if (keyName !== undefined && apiKey === undefined) return null;
      return {
        http: input.http,
        endpoints: { ...provider(id).manifest.endpoints, ...input.config.NETWORK_ENDPOINTS[id] },
        ...(apiKey === undefined ? {} : { apiKey }),
        now,
      };
    },
    context(id, app) {
      const configured = appCredentials(id);
      if (configured !== undefined && 'missing' in configured && app === undefined) {
        throw new AppError('network_not_configured', {
          detail: `${provider(id).manifest.name} needs ${configured.missing.join(' and ')} set on this server (see docs/networks/${id}.md).`,
        });
      }
      const resolvedApp = app ?? (configured !== undefined && !('missing' in configured) ? configured : undefined);
      return {
        http: input.http,
        endpoints: { ...provider(id).manifest.endpoints, ...input.config.NETWORK_ENDPOINTS[id] },
        ...(resolvedApp === undefined ? {} : { app: resolvedApp }),
        now,
      };
    },
  };
}
