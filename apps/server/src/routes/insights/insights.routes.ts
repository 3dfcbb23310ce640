import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findBestTimes } from '@plume/core/insights/best-times';
import { predictEngagement } from '@plume/core/insights/predict-engagement';
import { whatWorks } from '@plume/core/insights/what-works';
import {
  bestTimesQuery,
  bestTimesResponse,
  insightParams,
  predictBody,
  predictResponse,
  whatWorksQuery,
  whatWorksResponse,
} from '@plume/contract/insights/insight-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['insights'];
const WEEK_MS = 7 * 86_400_000;

export async function insightRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/workspaces/:workspaceId/insights/predict',
    {
      schema: {
        tags,
        summary:
          "Expected engagements of a draft on each account, with the 80 % range and the number of the account's measured posts it stands on (viewers may ask: nothing is stored)",
        params: insightParams,
        body: predictBody,
        response: { 200: predictResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { body } = request;
      const accounts = await predictEngagement(context.db, {
        workspaceId: access.workspace.id,
        zone: access.workspace.timezone,
        accountIds: [...new Set(body.accountIds)],
        draft: {
          text: body.text,
          hashtags: body.hashtags,
          mediaCount: body.mediaCount,
          hasLink: body.hasLink,
          isThread: body.isThread,
          at: body.scheduledAt === undefined ? new Date() : new Date(body.scheduledAt),
        },
      });
      return { accounts };
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/insights/best-times',
    {
      schema: {
        tags,
        summary:
          "The account's best free hours between `from` and `to` (default: the next 7 days), best first, away from its approved and scheduled posts; times in UTC and on the workspace clock",
        params: insightParams,
        querystring: bestTimesQuery,
        response: { 200: bestTimesResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const now = new Date();
      const asked = request.query.from === undefined ? now : new Date(request.query.from);
      const from = asked < now ? now : asked;
      const to = request.query.to === undefined ? new Date(from.getTime() + WEEK_MS) : new Date(request.query.to);
      const best = await findBestTimes(context.db, {
        workspaceId: access.workspace.id,
        zone: access.workspace.timezone,
        accountId: request.query.accountId,
        from,
        to,
      });
      return {
        ...best,
        suggestions: best.suggestions.map((item) => ({ ...item, at: item.at.toISOString() })),
      };
    },
  );

  typed.get(
    '/api/v1/workspaces/:workspaceId/insights/what-works',
    {
      schema: {
        tags,
        summary:
          'What made a difference to engagement (hashtags, media, links, length, time of day) on one account or all of them, with 95 % intervals; only comparisons with enough posts on both sides',
        params: insightParams,
        querystring: whatWorksQuery,
        response: { 200: whatWorksResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return whatWorks(context.db, {
        workspaceId: access.workspace.id,
        zone: access.workspace.timezone,
        ...(request.query.accountId === undefined ? {} : { accountId: request.query.accountId }),
      });
    },
  );
}
