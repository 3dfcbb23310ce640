import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addBrief, dropBrief, updateBrief } from '@plume/core/planning/plans/brief-commands';
import { briefView, findPlan } from '@plume/core/planning/plans/plan-store';
import { zoneOf } from '@plume/core/planning/plans/plan-world';
import { replaceBrief } from '@plume/core/planning/plans/replace-brief';
import {
  briefParams,
  briefSchema,
  createBriefBody,
  planParams,
  reasonBody,
  replacementResponse,
  updateBriefBody,
} from '@plume/contract/planning/plan-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole, type WorkspaceAccess } from '../../lib/workspace-access.ts';
import { workspaceOf } from '../content/content-deps.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';
import { actorFrom } from '../posts/post-actor.ts';
import { draftDeps, planDeps } from './plan-deps.ts';

const tags = ['plans'];
const base = '/api/v1/workspaces/:workspaceId/plans/:planId/briefs';
const llmErrors = { 402: problemSchema, 409: problemSchema, 422: problemSchema, 503: problemSchema };

export async function planBriefRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = planDeps(context);
  const viewOf = async (access: WorkspaceAccess, planId: string, briefId: string) =>
    briefView(context.db, planId, await zoneOf(context.db, access.workspace.id), briefId);

  typed.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a brief to a day of the plan for one account (editor); place the week to give it a time',
        params: planParams,
        body: createBriefBody,
        response: { 201: briefSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const brief = await withFieldPrefix('body', () => addBrief(deps, plan, request.body));
      return reply.status(201).send(await viewOf(access, plan.id, brief.id));
    },
  );

  typed.patch(
    `${base}/:briefId`,
    {
      schema: {
        tags,
        summary:
          "Edit or move a brief (editor). A new time is checked against cadence, daily cap, quiet hours and gap with the plan's other briefs and the posts already scheduled (409 with the rule's words); its draft post moves with it under the usual approval rules. A new day without a time unplaces it.",
        params: briefParams,
        body: updateBriefBody,
        response: { 200: briefSchema, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const command = { plan, briefId: request.params.briefId, changes: request.body, actor: actorFrom(access) };
      const brief = await withFieldPrefix('body', () => updateBrief(deps, command));
      return viewOf(access, plan.id, brief.id);
    },
  );

  typed.delete(
    `${base}/:briefId`,
    {
      schema: {
        tags,
        summary: 'Drop a brief from the plan (editor); its draft post, if any, is cancelled',
        params: briefParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      await dropBrief(deps, { plan, briefId: request.params.briefId, actor: actorFrom(access) });
      return reply.status(204).send(null);
    },
  );

  const replaceRoute = (path: string, emergency: boolean, summary: string) =>
    typed.post(
      `${base}/:briefId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: briefParams,
          body: reasonBody,
          response: { 201: replacementResponse, ...protectedErrors, ...llmErrors },
        },
      },
      async (request, reply) => {
        const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
        const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
        const replaced = await withLlmErrors(() =>
          replaceBrief(draftDeps(context, access), {
            plan,
            briefId: request.params.briefId,
            reason: request.body.reason,
            actor: actorFrom(access),
            workspace: workspaceOf(access),
            emergency,
          }),
        );
        return reply.status(201).send({
          rejected: await viewOf(access, plan.id, replaced.rejected.id),
          replacement: await viewOf(access, plan.id, replaced.replacement.id),
        });
      },
    );

  replaceRoute(
    'reject',
    false,
    "Reject a brief's draft with a reason (editor): the draft post is rejected (or cancelled), and a replacement brief takes the same slot with a new draft written with the reason in the prompt.",
  );
  replaceRoute(
    'emergency-replace',
    true,
    "Pull a brief's scheduled post (editor): unscheduled and cancelled through the post state machine, and a replacement draft written for its slot with the reason in the prompt.",
  );
}
