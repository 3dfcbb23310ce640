/**
 * The Instagram professional account behind a token: `GET /me` with `user_id` (the Instagram
 * professional account id that publishing paths use) and the profile fields.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/get-started
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { instagramCall } from './client.ts';

const meSchema = z.looseObject({
  id: z.coerce.string(),
  user_id: z.coerce.string().optional(),
  username: z.string(),
  name: z.string().optional(),
  account_type: z.string().optional(),
  profile_picture_url: z.string().optional(),
});

/** Reads the account and returns it as an identity; metadata keeps the id publishing needs. */
export async function fetchInstagramUser(context: NetworkContext, tokens: TokenSet): Promise<ConnectedIdentity> {
  const me = await instagramCall(context, tokens, '/me?fields=user_id,username,name,account_type,profile_picture_url', {
    schema: meSchema,
    what: 'read the Instagram account',
  });
  const igUserId = me.user_id ?? me.id;
  return {
    externalId: igUserId,
    handle: me.username,
    displayName: me.name ?? me.username,
    kind: me.account_type === 'MEDIA_CREATOR' ? 'creator' : 'business',
    profileUrl: `https://www.instagram.com/${me.username}/`,
    ...(me.profile_picture_url === undefined ? {} : { avatarUrl: me.profile_picture_url }),
    metadata: { igUserId, accountType: me.account_type ?? 'BUSINESS' },
  };
}
