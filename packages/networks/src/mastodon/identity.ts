/**
 * The account a token acts as (GET /api/v1/accounts/verify_credentials) and the server's own limits
 * (GET /api/v2/instance `configuration.statuses`), kept in the identity's metadata.
 * Docs: docs.joinmastodon.org/methods/accounts/#verify_credentials, …/methods/instance/#v2
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { mastodonJson } from './client.ts';

const accountSchema = z.looseObject({
  id: z.string().min(1),
  username: z.string().min(1),
  acct: z.string().optional(),
  display_name: z.string().optional(),
  avatar: z.string().optional(),
  // The web profile address can be null (API spec: `url: string | null`).
  url: z.string().nullish(),
});

const instanceSchema = z.looseObject({
  version: z.string().optional(),
  configuration: z
    .looseObject({
      statuses: z
        .looseObject({
          max_characters: z.number().int().positive().optional(),
          characters_reserved_per_url: z.number().int().nonnegative().optional(),
          max_media_attachments: z.number().int().positive().optional(),
        })
        .optional(),
    })
    .optional(),
});

/** The server's status limits as metadata strings; empty when the server does not say (or fails). */
export async function readInstanceLimits(
  context: NetworkContext,
  instanceUrl: string,
): Promise<Record<string, string>> {
  try {
    const instance = await mastodonJson(
      context,
      instanceUrl,
      undefined,
      '/api/v2/instance',
      { method: 'GET' },
      instanceSchema,
      'read the server limits',
    );
    const statuses = instance.configuration?.statuses;
    const limits: Record<string, string> = {};
    // Which API calls the server has (GET /api/v1/statuses with several ids since 4.3).
    if (instance.version !== undefined) limits['version'] = instance.version;
    if (statuses?.max_characters !== undefined) limits['maxCharacters'] = String(statuses.max_characters);
    if (statuses?.characters_reserved_per_url !== undefined)
      limits['charactersPerUrl'] = String(statuses.characters_reserved_per_url);
    if (statuses?.max_media_attachments !== undefined)
      limits['maxMediaAttachments'] = String(statuses.max_media_attachments);
    return limits;
  } catch {
    // Older servers have no /api/v2/instance; the manifest's defaults then apply.
    return {};
  }
}

/** Reads the account behind `tokens` on `instanceUrl`, with the server's limits in its metadata. */
export async function fetchMastodonIdentity(
  context: NetworkContext,
  instanceUrl: string,
  tokens: TokenSet,
): Promise<ConnectedIdentity> {
  const account = await mastodonJson(
    context,
    instanceUrl,
    tokens,
    '/api/v1/accounts/verify_credentials',
    { method: 'GET' },
    accountSchema,
    'read your Mastodon profile',
  );
  const host = new URL(instanceUrl).host;
  return {
    // Account ids are only unique within one server: two servers both have an account 1.
    externalId: `${account.id}@${host}`,
    handle: `${account.username}@${host}`,
    displayName: account.display_name || account.username,
    kind: 'profile',
    ...(account.avatar ? { avatarUrl: account.avatar } : {}),
    profileUrl: account.url ?? `${instanceUrl}/@${account.username}`,
    metadata: { instanceUrl, ...(await readInstanceLimits(context, instanceUrl)) },
  };
}
