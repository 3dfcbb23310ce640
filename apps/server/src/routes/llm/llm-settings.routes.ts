import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readStoredPolicies, resetPolicy, saveBudget, savePolicy } from '@plume/core/llm/manage-llm-settings';
import { shouldDegrade, type BudgetView } from '@plume/llm/gateway/budget';
import { readBudget } from '@plume/core/llm/read-budget';
import { defaultPolicy } from '@plume/llm/gateway/routing';
import { LLM_TASKS } from '@plume/llm/provider-contract';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  budgetBody,
  budgetResponse,
  policiesResponse,
  policyBody,
  policyParams,
  policyView,
} from '@plume/contract/llm/llm-settings-schemas';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';

const tags = ['models'];
const base = '/api/v1/workspaces/:workspaceId/llm';

/** Money is micro-dollars inside and US dollars in the API. */
const toUsd = (micros: number | null) => (micros === null ? null : micros / 1_000_000);
const toMicros = (usd: number | null) => (usd === null ? null : Math.round(usd * 1_000_000));

function presentBudget(view: BudgetView) {
  const { limits } = view;
  return {
    dailyLimitUsd: toUsd(limits.dailyLimitMicros),
    monthlyLimitUsd: toUsd(limits.monthlyLimitMicros),
    dailyRequestLimit: limits.dailyRequestLimit,
    monthlyRequestLimit: limits.monthlyRequestLimit,
    degradeAtPercent: limits.degradeAtPercent,
    today: { costUsd: view.day.costMicros / 1_000_000, requests: view.day.requests },
    thisMonth: { costUsd: view.month.costMicros / 1_000_000, requests: view.month.requests },
    degraded: shouldDegrade(view),
  };
}

export async function llmSettingsRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    `${base}/policies`,
    {
      schema: {
        tags,
        summary: 'The routing policy of every task: the stored one, or the built-in default (`isDefault`)',
        params: workspaceParams,
        response: { 200: policiesResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const [stored, entries] = await Promise.all([
        readStoredPolicies(context.db, access.workspace.id),
        context.llm.directory.list(access.workspace.id),
      ]);
      const items = LLM_TASKS.map((task) => {
        const policy = stored.get(task);
        return { task, ...(policy ?? defaultPolicy(task, entries)), isDefault: policy === undefined };
      });
      return { items };
    },
  );

  typed.put(
    `${base}/policies/:task`,
    {
      schema: {
        tags,
        summary: "Set a task's routing policy (admin): a mode and 1–8 candidates",
        params: policyParams,
        body: policyBody,
        response: { 200: policyView, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const { task } = request.params;
      await savePolicy(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        task,
        policy: request.body,
      });
      context.llm.gateway.forgetPolicy(access.workspace.id);
      return { task, ...request.body, isDefault: false };
    },
  );

  typed.delete(
    `${base}/policies/:task`,
    {
      schema: {
        tags,
        summary: 'Put a task back on the built-in default policy (admin); 204 also when it already was',
        params: policyParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      await resetPolicy(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        task: request.params.task,
      });
      context.llm.gateway.forgetPolicy(access.workspace.id);
      return reply.status(204).send(null);
    },
  );

  typed.get(
    `${base}/budget`,
    {
      schema: {
        tags,
        summary:
          "The workspace's model budget (US dollars; null = no cap) with today's and this month's spend and requests",
        params: workspaceParams,
        response: { 200: budgetResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return presentBudget(await readBudget(context.db, access.workspace.id, new Date()));
    },
  );

  typed.put(
    `${base}/budget`,
    {
      schema: {
        tags,
        summary:
          'Set the model budget (admin). Paid models are skipped when their estimate would pass a money cap (local ones still answer); a request cap refuses every call; alerts go out at 80, 90 and 100 %.',
        params: workspaceParams,
        body: budgetBody,
        response: { 200: budgetResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'admin');
      const body = request.body;
      const view = await saveBudget(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        budget: {
          dailyLimitMicros: toMicros(body.dailyLimitUsd),
          monthlyLimitMicros: toMicros(body.monthlyLimitUsd),
          dailyRequestLimit: body.dailyRequestLimit,
          monthlyRequestLimit: body.monthlyRequestLimit,
          degradeAtPercent: body.degradeAtPercent,
        },
      });
      return presentBudget(view);
    },
  );
}
