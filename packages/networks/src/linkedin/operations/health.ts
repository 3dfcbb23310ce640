/**
 * Checks that a LinkedIn account still works: the member's token still reads `/v2/userinfo`, and for a
 * page, the member is still one of its approved administrators (organizationAcls).
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { fetchAdministeredOrganizations, fetchMember, organizationIdOf } from '../identities.ts';
import { authorOf } from './publish.ts';

/** Returns the account's current identity or throws the typed error that stops it. */
export async function checkLinkedInHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const member = await fetchMember(context, account.tokens);
  const author = authorOf(account);
  if (organizationIdOf(author) !== undefined) {
    const pages = await fetchAdministeredOrganizations(context, account.tokens, member.externalId);
    const page = pages.find((identity) => identity.externalId === author);
    if (page === undefined) {
      throw new Permanent(
        'The connected member is no longer an administrator of this LinkedIn page; reconnect with a page admin.',
      );
    }
    return page;
  }
  if (member.externalId !== author) {
    throw new Permanent('This LinkedIn login now belongs to a different member; reconnect the account.');
  }
  return member;
}
