/**
 * Checks a connected channel: the token still lists the channel it was connected with.
 *
 * Docs: https://developers.google.com/youtube/v3/docs/channels/list
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { channelIdentity, listMyChannels } from '../client.ts';

export async function youtubeHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  const channels = await listMyChannels(context, account.tokens);
  const channelId = account.metadata['channelId'] ?? account.externalId;
  const channel = channels.find((candidate) => candidate.id === channelId);
  if (channel === undefined) {
    throw new Permanent(
      'This login no longer gives access to the connected YouTube channel. Connect the channel again.',
      {
        vendorCode: 'channel_not_found',
      },
    );
  }
  return channelIdentity(context, channel);
}
