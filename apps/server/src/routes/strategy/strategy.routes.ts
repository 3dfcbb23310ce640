import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { runOnboarding } from '@plume/core/planning/strategy/run-onboarding';
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import { getTemplateCopy, putTemplateCopy } from '@plume/core/planning/strategy/template-copy-store';
import { viewStrategy } from '@plume/core/planning/strategy/strategy-view';
import { workspaceParams } from '@plume/contract/common-schemas';
import { industryTemplateSchema } from '@plume/contract/planning/template-schemas';
import {
  onboardingBody,
  onboardingResponse,
  strategyResponse,
  templateCopyResponse,
  workspaceStrategySchema,
} from '@plume/contract/planning/strategy-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withFieldPrefix } from '../../lib/field-paths.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['strategy'];
const base = '/api/v1/workspaces/:workspaceId/strategy';

/** The workspace's strategy, its copy of an industry template, and the onboarding wizard's answers. */
export async function strategyRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    base,
    {
      schema: {
        tags,
        summary:
          "The workspace's strategy (viewer), with its template's seasonal dates in the next 90 days in the workspace's zone; `strategy: null` with a hint before onboarding",
        params: workspaceParams,
        response: { 200: strategyResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return viewStrategy(context.db, access.workspace, new Date());
    },
  );

  typed.put(
    base,
    {
      schema: {
        tags,
        summary:
          'Replace the strategy (admin): pillars whose shares add up to 100, goals, audience, tone, posts per week per network (1–50), KPI targets, locale, monthly AI budget (a number also sets the monthly cap on model spending)',
        params: workspaceParams,
        body: workspaceStrategySchema,
        response: { 200: strategyResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const saved = await withFieldPrefix('body', () =>
        putWorkspaceStrategy(context.db, {
          workspaceId: access.workspace.id,
          actor: actorOf(access.principal),
          strategy: request.body,
        }),
      );
      return viewStrategy(context.db, access.workspace, new Date(), saved);
    },
  );

  typed.get(
    `${base}/template`,
    {
      schema: {
        tags,
        summary:
          "The workspace's own copy of the industry template it chose (viewer), with the version it was copied from and the file's version now; `copy: null` before one is chosen",
        params: workspaceParams,
        response: { 200: templateCopyResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { copy: await getTemplateCopy(context.db, access.workspace.id) };
    },
  );

  typed.put(
    `${base}/template`,
    {
      schema: {
        tags,
        summary:
          "Edit the workspace's copy of its template (admin); the file in the repository is never changed. 404 before a template is chosen.",
        params: workspaceParams,
        body: industryTemplateSchema,
        response: { 200: templateCopyResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const copy = await withFieldPrefix('body', () =>
        putTemplateCopy(context.db, {
          workspaceId: access.workspace.id,
          actor: actorOf(access.principal),
          template: request.body,
        }),
      );
      return { copy };
    },
  );

  typed.post(
    '/api/v1/workspaces/:workspaceId/onboarding',
    {
      schema: {
        tags,
        summary:
          "The onboarding wizard's answers (admin): copies the chosen template, fills the brand profile and creates the strategy. Re-running keeps an edited copy of the same template, rebuilds the strategy from the answers and updates only the answered fields of the brand profile.",
        params: workspaceParams,
        body: onboardingBody,
        response: { 200: onboardingResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const result = await withFieldPrefix('body', () =>
        runOnboarding(context.db, {
          workspace: access.workspace,
          actor: actorOf(access.principal),
          answers: request.body,
        }),
      );
      const strategy = await viewStrategy(context.db, access.workspace, new Date(), result.strategy);
      return { ...result, strategy };
    },
  );
}
