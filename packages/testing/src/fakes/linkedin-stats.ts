/**
 * The LinkedIn fake's statistics reads: organization share statistics for listed posts
 * (`shares=List(...)`, `ugcPosts=List(...)`; posts that no longer exist are left out), a post read
 * (404 once deleted), organization follower counts (`networkSizes`) and member post analytics
 * (`memberCreatorPostAnalytics`, one metric a call, 403 without r_member_postAnalytics).
 *
 * Follows:
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 */
import type { FakeRequest, FakeResponse, FakeRoute } from './fake-network-server.ts';
import { linkedinError as error, type LinkedInFakeKit } from './linkedin-state.ts';

const MEMBER_METRICS: Record<
  string,
  'impressionCount' | 'uniqueImpressionsCount' | 'shareCount' | 'likeCount' | 'commentCount'
> = {
  IMPRESSION: 'impressionCount',
  MEMBERS_REACHED: 'uniqueImpressionsCount',
  RESHARE: 'shareCount',
  REACTION: 'likeCount',
  COMMENT: 'commentCount',
};

/** `List(a,b)` → `[a, b]`. */
function listOf(value: string | null): string[] {
  return (
    /^List\((.*)\)$/
      .exec(value ?? '')?.[1]
      ?.split(',')
      .filter(Boolean) ?? []
  );
}

export function linkedinStatsRoutes(kit: LinkedInFakeKit): FakeRoute[] {
  const { state, restCheck, mayActAs } = kit;
  const shareStatistics = (request: FakeRequest): FakeResponse => {
    const failed = restCheck(request);
    if (failed) return failed;
    const organization = request.query.get('organizationalEntity');
    if (request.query.get('q') !== 'organizationalEntity' || organization === null)
      return error(400, 'ILLEGAL_ARGUMENT', 'q=organizationalEntity and organizationalEntity are required');
    if (!organization.startsWith('urn:li:organization:') || !mayActAs(organization))
      return error(403, 'ACCESS_DENIED', 'Not enough permissions to access: organizationalEntityShareStatistics', 100);
    const asked = [
      ...listOf(request.query.get('shares')).map((urn) => ({ key: 'share', urn })),
      ...listOf(request.query.get('ugcPosts')).map((urn) => ({ key: 'ugcPost', urn })),
    ];
    const elements = asked
      .filter(({ urn }) => state.posts.has(urn))
      .map(({ key, urn }) => {
        const stats = state.postStats.get(urn) ?? {};
        const totals = {
          impressionCount: 0,
          uniqueImpressionsCount: 0,
          likeCount: 0,
          commentCount: 0,
          shareCount: 0,
          clickCount: 0,
          ...stats,
        };
        const engaged = totals.likeCount + totals.commentCount + totals.shareCount + totals.clickCount;
        const engagement = totals.impressionCount === 0 ? 0 : engaged / totals.impressionCount;
        return { organizationalEntity: organization, [key]: urn, totalShareStatistics: { ...totals, engagement } };
      });
    return { body: { paging: { start: 0, count: 10, links: [] }, elements } };
  };
  const memberAnalytics = (request: FakeRequest): FakeResponse => {
    const failed = restCheck(request);
    if (failed) return failed;
    if (!state.memberAnalyticsGranted)
      return error(
        403,
        'ACCESS_DENIED',
        'Not enough permissions to access: memberCreatorPostAnalytics.FINDER-entity',
        100,
      );
    const entity = /^\((share|ugcPost):(.+)\)$/.exec(request.query.get('entity') ?? '');
    const metric = MEMBER_METRICS[request.query.get('queryType') ?? ''];
    if (request.query.get('q') !== 'entity' || entity === null || metric === undefined)
      return error(400, 'ILLEGAL_ARGUMENT', 'q=entity, entity and a known queryType are required');
    const urn = entity[2] ?? '';
    if (!state.posts.has(urn)) return error(404, 'NOT_FOUND', `Post ${urn} not found`);
    const count = state.postStats.get(urn)?.[metric];
    const type = {
      'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': request.query.get('queryType'),
    };
    return {
      body: {
        paging: { start: 0, count: 10, links: [] },
        elements: count === undefined ? [] : [{ count, metricType: type }],
      },
    };
  };
  return [
    { method: 'GET', path: '/rest/organizationalEntityShareStatistics', handler: shareStatistics },
    { method: 'GET', path: '/rest/memberCreatorPostAnalytics', handler: memberAnalytics },
    {
      method: 'GET',
      path: '/rest/networkSizes/:urn',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const urn = request.params['urn'] ?? '';
        if (request.query.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
          return error(400, 'ILLEGAL_ARGUMENT', 'edgeType COMPANY_FOLLOWED_BY_MEMBER is required');
        const followers = state.followers.get(urn.split(':')[3] ?? '');
        if (followers === undefined) return error(404, 'NOT_FOUND', `Organization ${urn} not found`);
        return { body: { firstDegreeSize: followers } };
      },
    },
    {
      method: 'GET',
      path: '/rest/posts/:urn',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const urn = request.params['urn'] ?? '';
        const post = state.posts.get(urn);
        if (post === undefined) return error(404, 'NOT_FOUND', `Post ${urn} not found`);
        return { body: { id: urn, ...post.body } };
      },
    },
  ];
}
