/**
 * Reads subscribers (followers) and the video count (posts) with channels.list?part=statistics
 * &mine=true. When the channel hides its subscriber count (`hiddenSubscriberCount`), followers stay
 * absent. YouTube has no "following" count. Docs: https://developers.google.com/youtube/v3/docs/channels
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { pickCounts } from '../../shared/batches.ts';
import { channelIdOf, youtubeRead } from '../data-api.ts';

const channelsSchema = z.looseObject({
  items: z
    .array(z.looseObject({ id: z.string(), statistics: z.record(z.string(), z.unknown()).optional() }))
    .default([]),
});

export async function getYoutubeAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const list = await youtubeRead(context, account, {
    resource: 'channels',
    params: { part: 'statistics', mine: 'true' },
    schema: channelsSchema,
    what: 'read the channel statistics',
  });
  const channel = list.items.find((item) => item.id === channelIdOf(account));
  if (channel === undefined)
    throw new Permanent('This login no longer gives access to the connected YouTube channel. Connect it again.', {
      vendorCode: 'channel_not_found',
    });
  const statistics = channel.statistics ?? {};
  const hidden = statistics['hiddenSubscriberCount'] === true;
  return pickCounts(
    statistics,
    hidden ? { posts: 'videoCount' } : { followers: 'subscriberCount', posts: 'videoCount' },
  );
}
