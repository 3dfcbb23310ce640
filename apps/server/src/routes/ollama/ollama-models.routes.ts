import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readModelStats } from '@plume/core/llm/model-stats';
import type { OllamaManager, OllamaModel } from '@plume/llm/ollama/ollama-manager';
import { AppError } from '@plume/errors/app-error';
import { statsRow } from '@plume/contract/llm/llm-insight-schemas';
import {
  availableResponse,
  fitSchema,
  metricsQuery,
  modelParams,
  requirementsQuery,
  statusResponse,
  versionResponse,
} from '@plume/contract/ollama/ollama-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { requireUser } from '../../plugins/authenticate.ts';
import { presentStats } from '../llm/llm-presenters.ts';
import { withLlmErrors } from '../llm/llm-errors.ts';
import { resolvePeriod } from '../llm/resolve-period.ts';

export const tags = ['ollama'];
const errors = { ...protectedErrors, 503: problemSchema };

/** Ollama treats `llama3.2` and `llama3.2:latest` as one model. */
export const withTag = (name: string) => (name.includes(':') ? name : `${name}:latest`);

/** Changing what is installed is for the instance admin: Ollama is shared by every workspace. */
export async function requireInstanceAdmin(
  context: AppContext,
  request: Parameters<typeof requireUser>[1],
  what: string,
) {
  const user = await requireUser(context, request);
  if (!user.isInstanceAdmin)
    throw AppError.forbidden(
      `Only the instance admin (the first registered user) ${what}: Ollama is shared by every workspace.`,
    );
  return user;
}

const footprintOf = (model: OllamaModel | undefined) =>
  model ? { sizeBytes: model.sizeBytes, quantization: model.quantization } : {};

export function registerOllamaModelRoutes(app: FastifyInstance, context: AppContext, manager: OllamaManager): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/ollama/models/available',
    {
      schema: {
        tags,
        summary:
          'Models installed in Ollama, with size, family, parameters and quantization, and which are loaded now (any signed-in user)',
        response: { 200: availableResponse, ...errors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      const [installed, running] = await withLlmErrors(() => Promise.all([manager.installed(), manager.running()]));
      const loaded = new Map(running.map((model) => [model.name, model]));
      const items = installed.map((model) => {
        const live = loaded.get(model.name);
        return {
          name: model.name,
          sizeBytes: model.sizeBytes,
          family: model.family,
          parameterSize: model.parameterSize,
          quantization: model.quantization,
          modifiedAt: model.modifiedAt ?? null,
          running: live !== undefined,
          expiresAt: live?.expiresAt ?? null,
          sizeVramBytes: live?.sizeVramBytes ?? null,
        };
      });
      return { items };
    },
  );

  typed.get(
    '/api/v1/ollama/models/:modelName/status',
    {
      schema: {
        tags,
        summary: 'One installed model: details, whether it is loaded, and whether it fits in memory',
        params: modelParams,
        response: { 200: statusResponse, ...errors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      const name = withTag(request.params.modelName);
      const [details, installed, running] = await withLlmErrors(() =>
        Promise.all([manager.show(name), manager.installed(), manager.running()]),
      );
      const model = installed.find((item) => item.name === name);
      const fit = manager.checkFits({
        name,
        ...footprintOf(model),
        ...(details.parameterCount === undefined ? {} : { parameterCount: details.parameterCount }),
      });
      return {
        name,
        family: details.family,
        parameterSize: details.parameterSize,
        quantization: details.quantization,
        parameterCount: details.parameterCount ?? null,
        contextLength: details.contextLength ?? null,
        capabilities: details.capabilities,
        sizeBytes: model?.sizeBytes ?? null,
        running: running.some((item) => item.name === name),
        fit,
      };
    },
  );

  typed.delete(
    '/api/v1/ollama/models/:modelName',
    {
      schema: {
        tags,
        summary: 'Delete an installed model (instance admin)',
        params: modelParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await requireInstanceAdmin(context, request, 'deletes models');
      await withLlmErrors(() => manager.delete(withTag(request.params.modelName)));
      return reply.status(204).send(null);
    },
  );

  typed.get(
    '/api/v1/ollama/system/requirements',
    {
      schema: {
        tags,
        summary:
          'Memory a model needs (weights + KV cache for an 8k context + overhead) against what this machine has, and whether it fits',
        querystring: requirementsQuery,
        response: { 200: fitSchema.extend({ model: z.string() }), ...protectedErrors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      const name = withTag(request.query.model);
      // An installed model's size on disk sharpens the estimate; Ollama being down only makes it vaguer.
      const installed = await manager.installed().catch(() => [] as OllamaModel[]);
      return {
        model: name,
        ...manager.checkFits({ name, ...footprintOf(installed.find((item) => item.name === name)) }),
      };
    },
  );

  typed.get(
    '/api/v1/ollama/performance/metrics',
    {
      schema: {
        tags,
        summary:
          'Ledger statistics of the Ollama models: across the instance (instance admin) or for one workspace with `?workspaceId=` (its members)',
        querystring: metricsQuery,
        response: {
          200: z.object({
            workspaceId: z.string().nullable(),
            from: z.string(),
            to: z.string(),
            items: z.array(statsRow),
          }),
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.query;
      if (workspaceId === undefined)
        await requireInstanceAdmin(context, request, 'reads the whole instance’s statistics');
      else await requireWorkspaceRole(context, request, workspaceId, 'viewer');
      const { from, to } = resolvePeriod(request.query);
      const rows = await readModelStats(context.db, { workspaceId: workspaceId ?? null, since: from, until: to });
      return {
        workspaceId: workspaceId ?? null,
        from: from.toISOString(),
        to: to.toISOString(),
        items: rows.filter((row) => row.provider === 'ollama').map(presentStats),
      };
    },
  );

  typed.get(
    '/api/v1/ollama/version',
    {
      schema: {
        tags,
        summary: "Ollama's version, or that it is not running with the reason in plain words",
        response: { 200: versionResponse, ...protectedErrors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      try {
        return { url: context.llm.ollamaUrl, running: true, version: await manager.version(), reason: null };
      } catch (error) {
        return {
          url: context.llm.ollamaUrl,
          running: false,
          version: null,
          reason: error instanceof Error ? error.message : String(error),
        };
      }
    },
  );
}
