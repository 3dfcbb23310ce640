import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { approveWeek } from '@plume/core/planning/plans/approve-week';
import { startWeekGeneration } from '@plume/core/planning/plans/generate-week';
import { checkPlanBriefs, checkWeek, placeWeek } from '@plume/core/planning/plans/place-week';
import { planDetail } from '@plume/core/planning/plans/plan-detail';
import { createPlan, findPlan, listPlans, updatePlan } from '@plume/core/planning/plans/plan-store';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  approveWeekBody,
  approveWeekResponse,
  createPlanBody,
  generationSchema,
  placeWeekResponse,
  planChecksResponse,
  planDetailSchema,
  planListResponse,
  planParams,
  updatePlanBody,
  weekParams,
} from '@plume/contract/planning/plan-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { userIdOf } from '../content/content-deps.ts';
import { actorFrom } from '../posts/post-actor.ts';
import { planDeps } from './plan-deps.ts';

const tags = ['plans'];
const base = '/api/v1/workspaces/:workspaceId/plans';
const conflict = { 409: problemSchema };

export async function planRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = planDeps(context);

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: "The workspace's plans, newest month first (viewer)",
        params: workspaceParams,
        response: { 200: planListResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listPlans(context.db, access.workspace.id) };
    },
  );

  typed.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start the plan of a month, with a theme per week (editor). One plan per month: 409 when it exists.',
        params: workspaceParams,
        body: createPlanBody,
        response: { 201: planDetailSchema, ...protectedErrors, ...conflict },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await withFieldPrefix('body', () =>
        createPlan(context.db, { workspaceId: access.workspace.id, ...request.body, userId: userIdOf(access) }),
      );
      return reply.status(201).send(await planDetail(deps, plan));
    },
  );

  typed.get(
    `${base}/:planId`,
    {
      schema: {
        tags,
        summary:
          "A plan with its weeks, briefs (slots on the workspace clock), pillar mix against the strategy and the last draft generation's progress (viewer)",
        params: planParams,
        response: { 200: planDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return planDetail(deps, await findPlan(context.db, access.workspace.id, request.params.planId));
    },
  );

  typed.patch(
    `${base}/:planId`,
    {
      schema: {
        tags,
        summary: "Change a plan's weekly themes or state (editor)",
        params: planParams,
        body: updatePlanBody,
        response: { 200: planDetailSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const updated = await withFieldPrefix('body', () => updatePlan(context.db, plan, request.body));
      return planDetail(deps, updated);
    },
  );

  typed.get(
    `${base}/:planId/checks`,
    {
      schema: {
        tags,
        summary:
          "The plan checks over the plan's placed briefs: pillar mix (with a strategy), similar posts, text limits, quiet hours, cadence, daily cap, minimum gap (viewer)",
        params: planParams,
        response: { 200: planChecksResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      return { violations: await checkPlanBriefs(deps, plan) };
    },
  );

  typed.post(
    `${base}/:planId/weeks/:week/place`,
    {
      schema: {
        tags,
        summary:
          "Place the week's briefs that have no draft yet, and drafted briefs that have no slot yet (their draft post moves with them), at the best free hour of their day, keeping cadence, daily cap, quiet hours and gap, clear of posts already scheduled (editor). Each brief gets its slot and the reason, or the reason none was left.",
        params: weekParams,
        response: { 200: placeWeekResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      return withFieldPrefix('params', () => placeWeek(deps, plan, request.params.week, new Date(), actorFrom(access)));
    },
  );

  typed.post(
    `${base}/:planId/weeks/:week/generate`,
    {
      schema: {
        tags,
        summary:
          "Write the drafts of the week's briefs in the background through the content studio (editor): one draft post per brief at its slot, briefs already drafted skipped. Poll the plan's `generation` for progress.",
        params: weekParams,
        response: { 202: generationSchema, ...protectedErrors, ...conflict },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const generation = await withFieldPrefix('params', () =>
        startWeekGeneration(context.db, plan, request.params.week, actorFrom(access)),
      );
      return reply.status(202).send(generation);
    },
  );

  typed.post(
    `${base}/:planId/weeks/:week/approve`,
    {
      schema: {
        tags,
        summary:
          "Approve the week's drafts at once, but the exceptions (editor): each post is submitted and approved under the workspace's approval rules; posts needing another approver stay in review and are listed in `pending`.",
        params: weekParams,
        body: approveWeekBody,
        response: { 200: approveWeekResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const postDeps = { db: context.db, runtime: context.publishing.runtime };
      await withFieldPrefix('params', async () => checkWeek(plan, request.params.week));
      return withFieldPrefix('body', () =>
        approveWeek(postDeps, {
          plan,
          week: request.params.week,
          except: request.body.except,
          actor: actorFrom(access),
        }),
      );
    },
  );
}
