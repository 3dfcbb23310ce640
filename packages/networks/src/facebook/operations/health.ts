/**
 * Checks that a Page token still works by reading the Page with it; a revoked token answers
 * code 190 (AuthExpired), a lost role code 10/200 (Permanent).
 */
import { z } from 'zod';
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { endpoint, graphCall } from '../client.ts';

const pageSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  username: z.string().optional(),
  link: z.string().optional(),
  picture: z.looseObject({ data: z.looseObject({ url: z.string().optional() }).optional() }).optional(),
});

/** Returns the Page as it is now, or throws the typed error that stops it. */
export async function checkFacebookHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const url = `${endpoint(context, 'graph')}/${pageId}?fields=id,name,username,link,picture`;
  const page = await graphCall(context, account.tokens, url, { schema: pageSchema, what: 'read the Page' });
  const avatar = page.picture?.data?.url;
  return {
    externalId: page.id,
    handle: page.username ?? page.id,
    displayName: page.name,
    kind: 'page',
    profileUrl: page.link ?? `https://www.facebook.com/${page.id}`,
    ...(avatar === undefined ? {} : { avatarUrl: avatar }),
    metadata: { pageId: page.id },
  };
}
