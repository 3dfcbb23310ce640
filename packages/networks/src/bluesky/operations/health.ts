/**
 * Checks a Bluesky account still works: com.atproto.server.getSession with the access JWT (an
 * expired one answers 400 ExpiredToken → AuthExpired, so the engine refreshes), then the profile.
 * Docs: docs.bsky.app/docs/api/com-atproto-server-get-session
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { accountRepo, xrpcQuery } from '../client.ts';
import { blueskyIdentity } from '../identity.ts';
import { assertActive, sessionInfoSchema } from '../session.ts';

/** Returns the account's current identity, or throws AuthExpired / RateLimited / Permanent … */
export async function checkBlueskyHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const repo = accountRepo(context, account);
  const session = await xrpcQuery(context, {
    base: repo.base,
    nsid: 'com.atproto.server.getSession',
    token: repo.token,
    schema: sessionInfoSchema,
    what: 'check the session',
  });
  assertActive(session);
  const service = account.metadata['service'] ?? repo.base;
  return blueskyIdentity(context, { base: repo.base, did: session.did, handle: session.handle, service });
}
