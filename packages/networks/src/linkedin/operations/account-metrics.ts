/**
 * An organization's follower count: `GET /rest/networkSizes/{organization urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`
 * answers `firstDegreeSize`. LinkedIn gives no follower count of a member's profile to ordinary apps
 * (connection counts need a partner program), so a member account has none.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { encodeUrn, linkedinRequest, readJson, restHeaders, restUrl } from '../client.ts';
import { authorOf } from './publish.ts';

const sizeSchema = z.looseObject({ firstDegreeSize: z.number().optional() });

/** The organization's followers; nothing for a member. */
export async function getLinkedInAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const author = authorOf(account);
  if (!author.startsWith('urn:li:organization:')) return {};
  const what = 'read the follower count';
  const response = await linkedinRequest(
    context,
    restUrl(context, `/networkSizes/${encodeUrn(author)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`),
    { method: 'GET', headers: restHeaders(account.tokens) },
    what,
  );
  const size = await readJson(response, sizeSchema, what, 'GET');
  return size.firstDegreeSize === undefined ? {} : { followers: size.firstDegreeSize };
}
