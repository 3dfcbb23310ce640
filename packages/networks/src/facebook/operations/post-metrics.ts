/**
 * Reads Page posts' metrics in one Graph call for up to 50 ids (`GET /?ids=a,b&fields=...`, Graph's
 * multiple-id lookup). Graph refuses the whole lookup with code 100 when one id no longer exists, so
 * then each id is read on its own and the missing ones (code 100, subcode 33) come back `gone`.
 * A Page video is published as a video id; its feed post, which carries the counts and insights, is
 * `{page-id}_{video-id}`, so such ids are read through that post.
 * https://developers.facebook.com/docs/graph-api/guides/field-expansion/
 * https://developers.facebook.com/docs/graph-api/reference/insights/
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PostMetricsReading } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { endpoint, graphCall } from '../client.ts';
import { FACEBOOK_POST_FIELDS, facebookPostMetrics, facebookPostSchema } from './post-fields.ts';

/** Graph's cap on ids in one multiple-id lookup. */
export const FACEBOOK_METRICS_BATCH = 50;

const lookupSchema = z.record(z.string(), facebookPostSchema);

/** One reading per id, in the order asked. */
export async function getFacebookPostMetrics(
  context: NetworkContext,
  account: AccountAuth,
  remoteIds: readonly string[],
): Promise<PostMetricsReading[]> {
  if (remoteIds.length === 0) return [];
  const base = endpoint(context, 'graph');
  const fields = encodeURIComponent(FACEBOOK_POST_FIELDS);
  const pageId = account.metadata['pageId'] ?? account.externalId;
  const postIdOf = (remoteId: string): string => (remoteId.includes('_') ? remoteId : `${pageId}_${remoteId}`);
  const url = `${base}/?ids=${remoteIds.map((id) => encodeURIComponent(postIdOf(id))).join(',')}&fields=${fields}`;
  try {
    const found = await graphCall(context, account.tokens, url, { schema: lookupSchema, what: 'read post metrics' });
    return remoteIds.map((remoteId) => {
      const post = found[postIdOf(remoteId)];
      if (post === undefined) return { remoteId, status: 'gone', reason: 'not_found' };
      return { remoteId, status: 'ok', metrics: facebookPostMetrics(post) };
    });
  } catch (error) {
    if (!isMissingObjectError(error)) throw error;
  }
  const readings: PostMetricsReading[] = [];
  for (const remoteId of remoteIds) {
    const reading = await readOne(
      context,
      account,
      `${base}/${encodeURIComponent(postIdOf(remoteId))}?fields=${fields}`,
    );
    readings.push({ ...reading, remoteId });
  }
  return readings;
}

async function readOne(context: NetworkContext, account: AccountAuth, url: string): Promise<PostMetricsReading> {
  try {
    const post = await graphCall(context, account.tokens, url, {
      schema: facebookPostSchema,
      what: 'read post metrics',
    });
    return { remoteId: post.id, status: 'ok', metrics: facebookPostMetrics(post) };
  } catch (error) {
    // Only "object does not exist" (100/33) means gone; another code 100 is a real refusal.
    if (error instanceof Permanent && error.vendorCode === '100/33')
      return { remoteId: '', status: 'gone', reason: 'not_found' };
    throw error;
  }
}

/** Code 100 (invalid parameter: an id that does not exist), with or without subcode 33. */
function isMissingObjectError(error: unknown): boolean {
  return error instanceof Permanent && (error.vendorCode === '100' || error.vendorCode === '100/33');
}
