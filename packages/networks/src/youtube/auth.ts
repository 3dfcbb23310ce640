/**
 * Connecting a YouTube channel: Google OAuth with the upload and read-only YouTube scopes, then the
 * channels of the login (each one an identity the user can pick).
 */
import type { OAuthOperations } from '../contract.ts';
import { channelIdentity, listMyChannels } from './client.ts';
import { exchangeGoogleCode, googleAuthorizeUrl, refreshGoogleToken } from './google-oauth.ts';
import { YOUTUBE_SCOPES } from './manifest.ts';

export const youtubeOAuth: OAuthOperations = {
  authorizeUrl: (context, input) => googleAuthorizeUrl(context, input, YOUTUBE_SCOPES, 'YouTube'),

  exchangeCode: (context, input) =>
    exchangeGoogleCode(context, input, {
      scopes: [YOUTUBE_SCOPES[0]],
      networkName: 'YouTube',
      permissionWords: 'upload videos to your YouTube channel',
    }),

  refresh: (context, tokens) => refreshGoogleToken(context, tokens, 'YouTube'),

  async listIdentities(context, tokens) {
    const channels = await listMyChannels(context, tokens);
    return channels.map((channel) => channelIdentity(context, channel));
  },
};
