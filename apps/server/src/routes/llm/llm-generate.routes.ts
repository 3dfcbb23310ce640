import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '@plume/errors/app-error';
import { workspaceParams } from '@plume/contract/common-schemas';
import { llmGenerateBody, llmGenerateResponse } from '@plume/contract/llm/llm-generate-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { withLlmErrors } from './llm-errors.ts';

/** Model calls a workspace may start a minute through the API: generous for a team, a brake on a runaway script. */
export const GENERATE_PER_MINUTE = 60;

const perWorkspace = (request: FastifyRequest) =>
  `llm-generate:${(request.params as { workspaceId?: string }).workspaceId ?? request.ip}`;

export async function llmGenerateRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/workspaces/:workspaceId/llm/generate-with-fallback',
    {
      config: { rateLimit: { max: GENERATE_PER_MINUTE, timeWindow: '1 minute', keyGenerator: perWorkspace } },
      schema: {
        tags: ['models'],
        summary: `Ask a model (editor), through the task's routing policy with fallback, budget checks, cache and usage ledger. 402 \`llm_budget_exceeded\`, 503 \`llm_unavailable\` (the detail lists each candidate tried), 422 \`llm_refused\`. ${GENERATE_PER_MINUTE} calls a minute per workspace.`,
        params: workspaceParams,
        body: llmGenerateBody,
        response: {
          200: llmGenerateResponse,
          ...protectedErrors,
          402: problemSchema,
          422: problemSchema,
          429: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const body = request.body;
      if ((body.prompt === undefined) === (body.messages === undefined))
        throw AppError.validation('body/prompt', 'Give either `prompt` or `messages`, not both and not neither.');
      const messages = body.messages ?? [{ role: 'user' as const, content: body.prompt ?? '' }];
      const result = await withLlmErrors(() =>
        context.llm.gateway.generate({
          workspaceId: access.workspace.id,
          userId: access.principal.kind === 'user' ? access.principal.userId : null,
          task: body.task,
          cache: body.cache,
          call: {
            messages,
            responseFormat: body.responseFormat,
            ...(body.system === undefined ? {} : { system: body.system }),
            ...(body.maxOutputTokens === undefined ? {} : { maxOutputTokens: body.maxOutputTokens }),
            ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
          },
        }),
      );
      const { costMicros, ...rest } = result;
      return { ...rest, costUsd: costMicros / 1_000_000 };
    },
  );
}
