/**
 * Connecting Business Profile locations: Google OAuth with `business.manage`, then every location of
 * every account the login manages (the user picks which to connect).
 */
import type { ConnectedIdentity, OAuthOperations } from '../contract.ts';
import { Permanent } from '../provider-errors.ts';
import { exchangeGoogleCode, googleAuthorizeUrl, refreshGoogleToken } from '../youtube/google-oauth.ts';
import { listAccounts, listLocations, locationIdentity } from './client.ts';
import { GOOGLE_BUSINESS_SCOPES } from './manifest.ts';

const networkName = 'Google Business Profile';

export const googleBusinessOAuth: OAuthOperations = {
  authorizeUrl: (context, input) => googleAuthorizeUrl(context, input, GOOGLE_BUSINESS_SCOPES, networkName),

  exchangeCode: (context, input) =>
    exchangeGoogleCode(context, input, {
      scopes: GOOGLE_BUSINESS_SCOPES,
      networkName,
      permissionWords: 'manage your Business Profile',
    }),

  refresh: (context, tokens) => refreshGoogleToken(context, tokens, networkName),

  async listIdentities(context, tokens) {
    const identities = new Map<string, ConnectedIdentity>();
    for (const account of await listAccounts(context, tokens)) {
      for (const location of await listLocations(context, tokens, account.name)) {
        // A location reachable through several accounts (owner and a location group) is listed once.
        if (!identities.has(location.name)) identities.set(location.name, locationIdentity(account.name, location));
      }
    }
    if (identities.size === 0) {
      throw new Permanent(
        'This Google account manages no Business Profile location. Sign in with the account that manages the business.',
        {
          vendorCode: 'no_location',
        },
      );
    }
    return [...identities.values()];
  },
};
