/**
 * The account a token acts as: GET /2/users/me (docs.x.com/x-api/users/get-my-user).
 */
import { z } from 'zod';
import type { ConnectedIdentity, NetworkContext, TokenSet } from '../contract.ts';
import { xJson } from './client.ts';

const meSchema = z.looseObject({
  data: z.looseObject({
    id: z.string().min(1),
    name: z.string(),
    username: z.string().min(1),
    profile_image_url: z.string().optional(),
  }),
});

/** Reads the X user behind `tokens`; `metadata.username` lets us build post URLs later. */
export async function fetchXIdentity(context: NetworkContext, tokens: TokenSet): Promise<ConnectedIdentity> {
  const me = await xJson(
    context,
    tokens,
    '/2/users/me?user.fields=profile_image_url,username,name',
    { method: 'GET' },
    meSchema,
    'read your X profile',
  );
  const user = me.data;
  return {
    externalId: user.id,
    handle: user.username,
    displayName: user.name || user.username,
    kind: 'profile',
    ...(user.profile_image_url === undefined ? {} : { avatarUrl: user.profile_image_url }),
    profileUrl: `https://x.com/${user.username}`,
    metadata: { username: user.username },
  };
}
