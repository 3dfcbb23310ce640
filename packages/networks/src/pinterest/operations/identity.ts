/**
 * Who a Pinterest token belongs to: GET /v5/user_account (developers.pinterest.com/docs/api/v5/user_account-get).
 */
import { z } from 'zod';
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { pinterestGet } from '../client.ts';

const accountSchema = z.looseObject({
  id: z.string().min(1).optional(),
  username: z.string().min(1),
  account_type: z.string().optional(),
  business_name: z.string().nullish(),
  profile_image: z.string().nullish(),
});

/** The account as Pinterest shows it now; metadata keeps the username and account type. */
export async function fetchPinterestIdentity(
  context: NetworkContext,
  account: Pick<AccountAuth, 'tokens'>,
): Promise<ConnectedIdentity> {
  const user = await pinterestGet(context, account, '/user_account', accountSchema, 'read the Pinterest account');
  const displayName =
    user.business_name !== undefined && user.business_name !== null && user.business_name.length > 0
      ? user.business_name
      : user.username;
  return {
    externalId: user.id ?? user.username,
    handle: user.username,
    displayName,
    kind: 'profile',
    ...(user.profile_image === undefined || user.profile_image === null || user.profile_image.length === 0
      ? {}
      : { avatarUrl: user.profile_image }),
    profileUrl: `https://www.pinterest.com/${encodeURIComponent(user.username)}/`,
    metadata: {
      username: user.username,
      ...(user.account_type === undefined ? {} : { accountType: user.account_type }),
    },
  };
}
