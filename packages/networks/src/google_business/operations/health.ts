/**
 * Checks a connected location: the token can still read it from the Business Information API.
 *
 * Docs: https://developers.google.com/my-business/reference/businessinformation/rest/v1/locations/get
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { requireEndpoint } from '../../youtube/google-oauth.ts';
import { LOCATION_READ_MASK, locationIdentity, locationSchema, readGoogleBusiness } from '../client.ts';
import { locationParent } from './publish.ts';

export async function googleBusinessHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const parent = locationParent(account);
  const location = parent.slice(parent.indexOf('/locations/') + 1);
  const url = new URL(`${requireEndpoint(context, 'businessInformation')}/${location}`);
  url.searchParams.set('readMask', LOCATION_READ_MASK);
  const found = await readGoogleBusiness(
    context,
    account.tokens,
    url,
    locationSchema,
    'read the Business Profile location',
  );
  return locationIdentity(parent.slice(0, parent.indexOf('/locations/')), found);
}
