/**
 * Who a TikTok token belongs to: GET /v2/user/info/ (developers.tiktok.com/doc/tiktok-api-v2-get-user-info).
 * `username` needs the user.info.profile scope; when the user declined it, the creator_info query
 * (video.publish) still tells the username.
 */
import { z } from 'zod';
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { tiktokRequest } from '../client.ts';
import { queryCreatorInfo } from './creator-info.ts';

const userSchema = z.looseObject({
  user: z.looseObject({
    open_id: z.string().min(1),
    union_id: z.string().optional(),
    avatar_url: z.string().optional(),
    display_name: z.string().optional(),
    username: z.string().optional(),
  }),
});

function granted(account: AccountAuth, scope: string): boolean {
  return account.tokens.scopes === undefined || account.tokens.scopes.includes(scope);
}

/** The account as TikTok shows it now; metadata keeps open_id and username for later posts. */
export async function fetchTikTokIdentity(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const fields = [
    'open_id',
    'union_id',
    'avatar_url',
    'display_name',
    ...(granted(account, 'user.info.profile') ? ['username'] : []),
  ];
  const { user } = await tiktokRequest(context, account, {
    method: 'GET',
    path: '/v2/user/info/',
    query: { fields: fields.join(',') },
    data: userSchema,
    what: 'read the TikTok profile',
    creates: false,
  });
  let username = user.username !== undefined && user.username.length > 0 ? user.username : undefined;
  if (username === undefined && account.tokens.scopes?.includes('video.publish') === true) {
    username = (await queryCreatorInfo(context, account)).creator_username;
  }
  const displayName =
    user.display_name !== undefined && user.display_name.length > 0 ? user.display_name : (username ?? user.open_id);
  return {
    externalId: user.open_id,
    handle: username ?? displayName,
    displayName,
    kind: 'profile',
    ...(user.avatar_url === undefined || user.avatar_url.length === 0 ? {} : { avatarUrl: user.avatar_url }),
    ...(username === undefined ? {} : { profileUrl: `https://www.tiktok.com/@${username}` }),
    metadata: {
      openId: user.open_id,
      ...(username === undefined ? {} : { username }),
      ...(user.union_id === undefined ? {} : { unionId: user.union_id }),
    },
  };
}
