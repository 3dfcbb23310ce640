import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { compareModels } from '@plume/core/llm/compare-models';
import { readCostBreakdown } from '@plume/core/llm/manage-llm-settings';
import { optimizePolicies } from '@plume/core/llm/optimize-policies';
import { estimateRequestCosts, planModelCall } from '@plume/core/llm/plan-model-call';
import { promptTokensOf } from '@plume/core/llm/prompt-size';
import { recommendModels } from '@plume/core/llm/recommend-models';
import { summarizeCosts } from '@plume/core/llm/summarize-costs';
import { readModelStats } from '@plume/core/llm/model-stats';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  comparisonQuery,
  comparisonResponse,
  costOptimizeResponse,
  costQuery,
  costResponse,
  optimizeBody,
  optimizeResponse,
  periodQuery,
  recommendationQuery,
  recommendationResponse,
  requestSizeBody,
  selectBody,
  selectResponse,
  usageResponse,
} from '@plume/contract/llm/llm-insight-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { presentStats, presentStep, usd, usdOrNull } from './llm-presenters.ts';
import { resolvePeriod } from './resolve-period.ts';

const tags = ['models'];
const base = '/api/v1/workspaces/:workspaceId/llm';

export async function llmInsightRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db: context.db, llm: context.llm };

  typed.get(
    `${base}/usage-statistics`,
    {
      schema: {
        tags,
        summary:
          'Model statistics per provider, model and task over a period: calls, success rate, p50/p95 latency, time to first token, cost per 1k tokens, quality, cache hits',
        params: workspaceParams,
        querystring: periodQuery,
        response: { 200: usageResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { from, to } = resolvePeriod(request.query);
      const rows = await readModelStats(context.db, { workspaceId: access.workspace.id, since: from, until: to });
      return { from: from.toISOString(), to: to.toISOString(), items: rows.map(presentStats) };
    },
  );

  typed.get(
    `${base}/cost-analysis`,
    {
      schema: {
        tags,
        summary: 'Spend over a period grouped by day, provider, model or task, with totals (US dollars)',
        params: workspaceParams,
        querystring: costQuery,
        response: { 200: costResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { from, to } = resolvePeriod(request.query);
      const summary = summarizeCosts(
        await readCostBreakdown(context.db, { workspaceId: access.workspace.id, from, to }),
        request.query.groupBy,
      );
      const money = <T extends { costMicros: number }>({ costMicros, ...rest }: T) => ({
        ...rest,
        costUsd: usd(costMicros),
      });
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        groupBy: request.query.groupBy,
        items: summary.items.map(money),
        totals: money(summary.totals),
      };
    },
  );

  typed.get(
    `${base}/performance-comparison`,
    {
      schema: {
        tags,
        summary: 'The models used for a task side by side, flagging the fastest, the cheapest and the best rated',
        params: workspaceParams,
        querystring: comparisonQuery,
        response: { 200: comparisonResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const { from, to } = resolvePeriod(request.query);
      const rows = await compareModels(context.db, {
        workspaceId: access.workspace.id,
        task: request.query.task,
        since: from,
        until: to,
      });
      const items = rows.map(({ fastest, cheapest, bestQuality, ...row }) => ({
        ...presentStats(row),
        fastest,
        cheapest,
        bestQuality,
      }));
      return { task: request.query.task, items };
    },
  );

  typed.get(
    `${base}/model-recommendations`,
    {
      schema: {
        tags,
        summary:
          'For a task: the candidate order of every routing mode with measured stats and estimated cost per call, and the mode we recommend, with the reason',
        params: workspaceParams,
        querystring: recommendationQuery,
        response: { 200: recommendationResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const result = await recommendModels(deps, { workspaceId: access.workspace.id, task: request.query.task });
      return {
        ...result,
        unavailable: result.unavailable.map(presentStep),
        byMode: result.byMode.map((entry) => ({
          mode: entry.mode,
          candidates: entry.candidates.map(({ estimatedCostMicros, stats, ...candidate }) => ({
            ...candidate,
            estimatedCostUsd: usd(estimatedCostMicros),
            stats:
              stats === null
                ? null
                : {
                    calls: stats.calls,
                    successRate: stats.successRate,
                    p50LatencyMs: stats.p50LatencyMs,
                    p95LatencyMs: stats.p95LatencyMs,
                    avgQuality: stats.avgQuality,
                    costPer1kTokensUsd: usdOrNull(stats.costPer1kTokensMicros),
                  },
          })),
        })),
      };
    },
  );

  typed.post(
    `${base}/select-optimal-model`,
    {
      schema: {
        tags,
        summary:
          'Dry run (editor): for a task and prompt size, the candidates in order after capability, budget and circuit checks, the one that would be asked and why. No model is called.',
        params: workspaceParams,
        body: selectBody,
        response: { 200: selectResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { task, maxOutputTokens, mode } = request.body;
      const plan = await planModelCall(deps, {
        workspaceId: access.workspace.id,
        task,
        inputTokens: promptTokensOf(request.body),
        maxOutputTokens,
        ...(mode === undefined ? {} : { mode }),
      });
      return {
        ...plan,
        steps: plan.steps.map(presentStep),
        selected:
          plan.selected === null
            ? null
            : {
                provider: plan.selected.provider,
                model: plan.selected.model,
                estimatedCostUsd: usd(plan.selected.estimatedCostMicros),
              },
      };
    },
  );

  typed.post(
    `${base}/cost-optimize-request`,
    {
      schema: {
        tags,
        summary:
          'Estimated cost of one request on every candidate that can serve it, cheapest first, and which a budget cap would skip (editor)',
        params: workspaceParams,
        body: requestSizeBody,
        response: { 200: costOptimizeResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const { task, maxOutputTokens } = request.body;
      const result = await estimateRequestCosts(deps, {
        workspaceId: access.workspace.id,
        task,
        inputTokens: promptTokensOf(request.body),
        maxOutputTokens,
      });
      return {
        task,
        items: result.costs.map(({ estimatedCostMicros, ...item }) => ({
          ...item,
          estimatedCostUsd: usd(estimatedCostMicros),
        })),
        unavailable: result.dropped.map(presentStep),
      };
    },
  );

  typed.post(
    `${base}/optimize-selection`,
    {
      schema: {
        tags,
        summary:
          'Proposes a policy per task from the last 30 days: the fastest model with ≥ 95 % success and quality within 5 points of the best goes first (editor); `apply: true` saves them (admin)',
        params: workspaceParams,
        body: optimizeBody,
        response: { 200: optimizeResponse, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(
        context,
        request,
        request.params.workspaceId,
        request.body.apply ? 'admin' : 'editor',
      );
      const items = await optimizePolicies(deps, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        apply: request.body.apply,
      });
      if (request.body.apply) context.llm.gateway.forgetPolicy(access.workspace.id);
      return { applied: request.body.apply, items };
    },
  );
}
