/**
 * The content publishing limit: how many API-published posts the account made in the last 24 hours
 * and how many it may make (100 today).
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit
 */
import { z } from 'zod';
import type { NetworkContext, TokenSet } from '../../contract.ts';
import { instagramCall } from '../client.ts';

const limitSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      quota_usage: z.coerce.number().optional(),
      config: z
        .looseObject({ quota_total: z.coerce.number().optional(), quota_duration: z.coerce.number().optional() })
        .optional(),
    }),
  ),
});

/** Usage and total for the moving 24-hour window, or undefined when Instagram does not say. */
export async function readPublishingQuota(
  context: NetworkContext,
  tokens: TokenSet,
  igUserId: string,
): Promise<{ usage: number; total: number } | undefined> {
  const body = await instagramCall(context, tokens, `/${igUserId}/content_publishing_limit?fields=quota_usage,config`, {
    schema: limitSchema,
    what: 'read the publishing limit',
  });
  const [entry] = body.data;
  if (entry?.quota_usage === undefined || entry.config?.quota_total === undefined) return undefined;
  return { usage: entry.quota_usage, total: entry.config.quota_total };
}
