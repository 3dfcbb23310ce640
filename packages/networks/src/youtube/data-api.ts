/**
 * GET reads on the YouTube Data API for the metrics operations, each costing 1 quota unit:
 * videos.list, channels.list and playlistItems.list with the account's token.
 * Docs: https://developers.google.com/youtube/v3/determine_quota_cost
 */
import type { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { bearer } from '../shared/oauth2.ts';
import { youtubeVocabulary } from './errors.ts';
import { googleJson } from './google-call.ts';
import { requireEndpoint } from './google-oauth.ts';

/** `GET {api}/{resource}?params` → the validated body, or a typed provider error. */
export async function youtubeRead<S extends z.ZodType>(
  context: NetworkContext,
  account: AccountAuth,
  call: { resource: string; params: Readonly<Record<string, string>>; schema: S; what: string },
): Promise<z.output<S>> {
  const url = new URL(`${requireEndpoint(context, 'api')}/${call.resource}`);
  for (const [name, value] of Object.entries(call.params)) url.searchParams.set(name, value);
  return googleJson(
    context.http,
    url,
    { method: 'GET', headers: bearer(account.tokens) },
    { schema: call.schema, what: call.what, now: context.now(), vocabulary: youtubeVocabulary },
  );
}

/** The channel the account was connected with. */
export function channelIdOf(account: AccountAuth): string {
  return account.metadata['channelId'] ?? account.externalId;
}
