/** Competitors: other accounts a workspace watches through the networks' official public APIs. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  addCompetitorBody,
  competitorListSchema,
  competitorParams,
  competitorSchema,
} from '@plume/contract/competitors/competitor-schemas';
import { MAX_COMPETITORS_PER_WORKSPACE } from '@plume/core/competitors/competitor-limits';
import {
  addCompetitor,
  competitorNetworks,
  listCompetitors,
  refreshCompetitor,
  removeCompetitor,
  type CompetitorView,
} from '@plume/core/competitors/manage-competitors';
import { emptyStats } from '@plume/core/competitors/competitor-stats';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['analytics'];

function toWire(
  row: Omit<CompetitorView, 'stats' | 'topHashtags'> & Partial<Pick<CompetitorView, 'stats' | 'topHashtags'>>,
) {
  return {
    id: row.id,
    network: row.network,
    handle: row.handle,
    displayName: row.displayName,
    profileUrl: row.profileUrl,
    followers: row.followers,
    state: row.state,
    stateMessage: row.stateMessage,
    lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    stats: row.stats ?? emptyStats,
    topHashtags: row.topHashtags ?? [],
  };
}

export async function competitorRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.db, runtime: context.publishing.runtime };
  const base = '/api/v1/workspaces/:workspaceId/competitors';

  typed.get(
    base,
    {
      schema: {
        tags,
        summary:
          "The workspace's competitors with their state and 28-day cadence and median engagement, the workspace's own figures per network to compare, and the networks Plume can read",
        params: workspaceParams,
        response: { 200: competitorListSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const listed = await listCompetitors(context.db, access.workspace.id);
      return {
        timezone: access.workspace.timezone,
        limit: MAX_COMPETITORS_PER_WORKSPACE,
        networks: competitorNetworks(context.publishing.runtime),
        competitors: listed.competitors.map(toWire),
        own: [...listed.own.entries()].map(([network, stats]) => ({
          network: network as CompetitorView['network'],
          ...stats,
        })),
      };
    },
  );

  typed.post(
    base,
    {
      schema: {
        tags,
        summary:
          'Follow a competitor (editor): an account on a network whose public posts Plume can read. Its first reading starts at once; then daily. 409 when it is already followed or the workspace follows its limit.',
        params: workspaceParams,
        body: addCompetitorBody,
        response: { 201: competitorSchema, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const row = await addCompetitor(deps, { workspaceId: access.workspace.id, ...request.body });
      return reply.status(201).send(toWire(row));
    },
  );

  typed.delete(
    `${base}/:competitorId`,
    {
      schema: {
        tags,
        summary: 'Stop following a competitor (editor); what was read of it is deleted',
        params: competitorParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await removeCompetitor(context.db, access.workspace.id, request.params.competitorId);
      return reply.status(204).send(null);
    },
  );

  typed.post(
    `${base}/:competitorId/refresh`,
    {
      schema: {
        tags,
        summary: "Read a competitor's public posts again now (editor); the network's read limits still apply",
        params: competitorParams,
        response: { 202: competitorSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const row = await refreshCompetitor(context.db, access.workspace.id, request.params.competitorId);
      return reply.status(202).send(toWire(row));
    },
  );
}
