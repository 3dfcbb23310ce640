/**
 * Who a Bluesky session acts as. The display name and avatar live in the account's own repo
 * (`app.bsky.actor.profile/self`), which the PDS serves without an AppView; the avatar is linked
 * through com.atproto.sync.getBlob so it works on any PDS.
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext } from '../contract.ts';
import { isProviderError } from '../provider-errors.ts';
import { blueskyWebUrl, xrpcQuery } from './client.ts';

const profileRecordSchema = z.looseObject({
  value: z.looseObject({
    displayName: z.string().optional(),
    avatar: z.looseObject({ ref: z.looseObject({ $link: z.string() }) }).optional(),
  }),
});

/** The profile record, or nothing when the account never set one (or the PDS cannot say). */
async function readProfile(
  context: NetworkContext,
  base: string,
  did: string,
): Promise<z.infer<typeof profileRecordSchema>['value'] | undefined> {
  try {
    const record = await xrpcQuery(context, {
      base,
      nsid: 'com.atproto.repo.getRecord',
      params: { repo: did, collection: 'app.bsky.actor.profile', rkey: 'self' },
      schema: profileRecordSchema,
      what: 'read the profile',
    });
    return record.value;
  } catch (error) {
    // The profile only decorates the identity: a missing record or a hiccup must not block connecting.
    if (isProviderError(error) && (error.kind === 'permanent' || error.kind === 'retryable')) return undefined;
    throw error;
  }
}

/** Builds the identity Plume shows and stores for the account. */
export async function blueskyIdentity(
  context: NetworkContext,
  input: { base: string; did: string; handle: string; service: string },
): Promise<ConnectedIdentity> {
  const profile = await readProfile(context, input.base, input.did);
  const avatarCid = profile?.avatar?.ref.$link;
  const avatarUrl =
    avatarCid === undefined
      ? undefined
      : `${input.base}/xrpc/com.atproto.sync.getBlob?did=${encodeURIComponent(input.did)}&cid=${encodeURIComponent(avatarCid)}`;
  const displayName = profile?.displayName?.trim();
  return {
    externalId: input.did,
    handle: input.handle,
    displayName: displayName ? displayName : input.handle,
    kind: 'profile',
    ...(avatarUrl === undefined ? {} : { avatarUrl }),
    profileUrl: `${blueskyWebUrl(context)}/profile/${input.handle}`,
    metadata: { did: input.did, handle: input.handle, pdsUrl: input.base, service: input.service },
  };
}
