import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cancelAbTest, listAbTestViews } from '@plume/core/planning/ab-tests/ab-test-store';
import { startAbTest } from '@plume/core/planning/ab-tests/start-ab-test';
import { findPlan } from '@plume/core/planning/plans/plan-store';
import { zoneOf } from '@plume/core/planning/plans/plan-world';
import {
  abTestListResponse,
  abTestParams,
  abTestSchema,
  startAbTestBody,
} from '@plume/contract/planning/ab-test-schemas';
import { briefParams, planParams } from '@plume/contract/planning/plan-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { workspaceOf } from '../content/content-deps.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';
import { actorFrom } from '../posts/post-actor.ts';
import { draftDeps, planDeps } from './plan-deps.ts';

const tags = ['plans'];
const base = '/api/v1/workspaces/:workspaceId/plans/:planId';
const llmErrors = { 402: problemSchema, 409: problemSchema, 422: problemSchema, 503: problemSchema };

/** A/B tests in plans (docs/planning.md "A/B tests in plans"). */
export async function abTestRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = planDeps(context);
  const viewOf = async (workspaceId: string, planId: string, testId: string) => {
    const [view] = await listAbTestViews(context.db, planId, await zoneOf(context.db, workspaceId), testId);
    if (!view) throw new Error(`A/B test ${testId} vanished`);
    return view;
  };

  typed.post(
    `${base}/briefs/:briefId/ab-test`,
    {
      schema: {
        tags,
        summary:
          'Start an A/B test from a drafted brief (editor): variant B is a new brief of the same account on a comparable slot, with a second text written by the content studio (`text`) or the same text (`time`). Both posts go through the normal approval; the test is decided 24 h after the later one goes out. 409 when the brief has no draft, is tested already, or no comparable slot is free; 400 at body/slot for a slot that is not comparable.',
        params: briefParams,
        body: startAbTestBody,
        response: { 201: abTestSchema, ...protectedErrors, ...llmErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const test = await withFieldPrefix('body', () =>
        withLlmErrors(() =>
          startAbTest(
            { ...draftDeps(context, access), ...(deps.loadRules ? { loadRules: deps.loadRules } : {}) },
            {
              plan,
              briefId: request.params.briefId,
              kind: request.body.kind,
              slot: request.body.slot,
              actor: actorFrom(access),
              workspace: workspaceOf(access),
            },
          ),
        ),
      );
      return reply.status(201).send(await viewOf(access.workspace.id, plan.id, test.id));
    },
  );

  typed.get(
    `${base}/ab-tests`,
    {
      schema: {
        tags,
        summary:
          "The plan's A/B tests with their state and, once measured, the figures at 24 h and the verdict (viewer)",
        params: planParams,
        response: { 200: abTestListResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      return { items: await listAbTestViews(context.db, plan.id, await zoneOf(context.db, access.workspace.id)) };
    },
  );

  typed.delete(
    `${base}/ab-tests/:testId`,
    {
      schema: {
        tags,
        summary:
          "Cancel a running A/B test before variant B goes out (editor): B's post is cancelled and its brief set aside. 409 once B is out or the test is over.",
        params: abTestParams,
        response: { 200: abTestSchema, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const plan = await findPlan(context.db, access.workspace.id, request.params.planId);
      const test = await cancelAbTest(deps, { plan, testId: request.params.testId, actor: actorFrom(access) });
      return viewOf(access.workspace.id, plan.id, test.id);
    },
  );
}
