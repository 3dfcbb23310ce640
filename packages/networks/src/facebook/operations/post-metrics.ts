/**
 * Reads Page posts' metrics in one Graph call for up to 50 ids (`GET /?ids=a,b&fields=...`, Graph's
 * multiple-id lookup). Graph refuses the whole lookup with code 100 when one id no longer exists, so
 * then each id is read on its own and the missing ones (code 100, subcode 33) come back `gone`.
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
  const url = `${base}/?ids=${remoteIds.map(encodeURIComponent).join(',')}&fields=${fields}`;
  try {
    const found = await graphCall(context, account.tokens, url, { schema: lookupSchema, what: 'read post metrics' });
    return remoteIds.map((remoteId) => {
      const post = found[remoteId];
      if (post === undefined) return { remoteId, status: 'gone', reason: 'not_found' };
      return { remoteId, status: 'ok', metrics: facebookPostMetrics(post) };
    });
  } catch (error) {
    if (!isMissingObjectError(error)) throw error;
  }
  const readings: PostMetricsReading[] = [];
  for (const remoteId of remoteIds) readings.push(await readOne(context, account, base, fields, remoteId));
  return readings;
}

async function readOne(
  context: NetworkContext,
  account: AccountAuth,
  base: string,
  fields: string,
  remoteId: string,
): Promise<PostMetricsReading> {
  try {
    const post = await graphCall(context, account.tokens, `${base}/${encodeURIComponent(remoteId)}?fields=${fields}`, {
      schema: facebookPostSchema,
      what: 'read post metrics',
    });
    return { remoteId, status: 'ok', metrics: facebookPostMetrics(post) };
  } catch (error) {
    if (isMissingObjectError(error)) return { remoteId, status: 'gone', reason: 'not_found' };
    throw error;
  }
}

/** Code 100 (invalid parameter: an id that does not exist), with or without subcode 33. */
function isMissingObjectError(error: unknown): boolean {
  return error instanceof Permanent && (error.vendorCode === '100' || error.vendorCode === '100/33');
}
