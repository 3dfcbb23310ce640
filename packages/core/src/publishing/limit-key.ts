/**
 * Whose limits a network call counts against. Networks limit each server and each app, not the network
 * as a whole: a Mastodon account lives on its own server (its `instanceUrl`), a Bluesky account on its
 * PDS, and every other network on its API host (the manifest's `api` endpoint or its configured
 * override). The app is the client id the call is made with (per-server apps on Mastodon are told
 * apart by the host already). See docs/publishing.md, "Limits".
 */
import type { NetworkContext } from '@plume/networks/contract';

export interface LimitKey {
  network: string;
  /** The host the call goes to, e.g. `mastodon.social`, `bsky.social`, `api.x.com`. */
  host: string;
  /** The app's client id, or `-` when calls carry none. */
  app: string;
}

/** Account metadata keys naming the account's own server, in order of preference. */
const ACCOUNT_SERVER_KEYS = ['instanceUrl', 'pdsUrl', 'service'] as const;

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export function limitKeyOf(
  network: string,
  context: Pick<NetworkContext, 'endpoints' | 'app'>,
  metadata: Readonly<Record<string, string>>,
): LimitKey {
  let host: string | undefined;
  for (const key of ACCOUNT_SERVER_KEYS) host ??= hostOf(metadata[key]);
  host ??= hostOf(context.endpoints['api']) ?? hostOf(Object.values(context.endpoints)[0]) ?? network;
  return { network, host, app: context.app?.clientId ?? '-' };
}

/** The key as one string (the limiter's maps, `network_throttles.limit_key`): host and app, network apart. */
export function limitKeyString(key: LimitKey): string {
  return `${key.host} ${key.app}`;
}
