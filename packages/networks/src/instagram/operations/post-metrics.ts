/**
 * Reads Instagram media metrics, one media a call (the Instagram API with Instagram Login has no
 * multiple-id lookup). A media that no longer exists answers code 100 subcode 33 and comes back
 * `gone`; a story, which rejects the `saved` metric (code 100), is read again without it.
 */
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { instagramCall } from '../client.ts';
import {
  INSTAGRAM_MEDIA_INSIGHTS,
  INSTAGRAM_STORY_INSIGHTS,
  instagramMediaFields,
  instagramMediaMetrics,
  instagramMediaSchema,
} from './media-fields.ts';

/** One reading per id, in the order asked. */
export async function getInstagramPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  const readings: PostMetricsReading[] = [];
  for (const remoteId of remoteIds) readings.push(await readOne(context, account, remoteId));
  return readings;
}

async function readOne(context: NetworkContext, account: AccountAuth, remoteId: string): Promise<PostMetricsReading> {
  const read = (insights: readonly string[]) =>
    instagramCall(
      context,
      account.tokens,
      `/${encodeURIComponent(remoteId)}?fields=${instagramMediaFields(insights)}`,
      {
        schema: instagramMediaSchema,
        what: 'read media metrics',
      },
    );
  try {
    return { remoteId, status: 'ok', metrics: instagramMediaMetrics(await read(INSTAGRAM_MEDIA_INSIGHTS)) };
  } catch (error) {
    if (vendorCodeOf(error) === '100/33') return { remoteId, status: 'gone', reason: 'not_found' };
    if (vendorCodeOf(error) !== '100') throw error;
  }
  try {
    return { remoteId, status: 'ok', metrics: instagramMediaMetrics(await read(INSTAGRAM_STORY_INSIGHTS)) };
  } catch (error) {
    // A story is readable for 24 hours only; after that Instagram no longer finds it.
    if (vendorCodeOf(error) === '100/33') return { remoteId, status: 'gone', reason: 'not_found' };
    throw error;
  }
}

function vendorCodeOf(error: unknown): string | undefined {
  return error instanceof Permanent ? error.vendorCode : undefined;
}
