import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PullEvent, PullRegistry, PullView } from '@plume/core/llm/ollama-pulls';
import { AppError } from '@plume/errors/app-error';
import { installBody, pullParams, pullView } from '@plume/contract/ollama/ollama-schemas';
import { problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { noContent, protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser } from '../../plugins/authenticate.ts';
import { toLlmAppError } from '../llm/llm-errors.ts';
import { requireInstanceAdmin, tags, withTag } from './ollama-models.routes.ts';

const sseEvent = (name: string, data: unknown, id?: number) =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

export function registerOllamaPullRoutes(app: FastifyInstance, context: AppContext, registry: PullRegistry): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const found = (view: PullView | null): PullView => {
    if (view === null) throw AppError.notFound('pull (finished pulls are kept for 10 minutes)');
    return view;
  };

  typed.post(
    '/api/v1/ollama/models/install',
    {
      schema: {
        tags,
        summary:
          'Start pulling a model (instance admin) → 202 with the pull; follow it at GET /ollama/pulls/{pullId}/events (Server-Sent Events) or poll GET /ollama/pulls/{pullId}. A model estimated too big for this machine answers 409 `model_does_not_fit` unless `force`. One pull per model: asking again returns the running one.',
        body: installBody,
        response: { 202: pullView, ...protectedErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await requireInstanceAdmin(context, request, 'installs models');
      try {
        return await reply.status(202).send(registry.start(withTag(request.body.name), { force: request.body.force }));
      } catch (error) {
        throw toLlmAppError(error);
      }
    },
  );

  typed.get(
    '/api/v1/ollama/pulls/:pullId',
    {
      schema: {
        tags,
        summary: 'A pull: status, percent and error (poll; prefer the events stream)',
        params: pullParams,
        response: { 200: pullView, ...protectedErrors },
      },
    },
    async (request) => {
      await requireUser(context, request);
      return found(registry.get(request.params.pullId));
    },
  );

  typed.get(
    '/api/v1/ollama/pulls/:pullId/events',
    {
      schema: {
        tags,
        summary:
          'The pull as Server-Sent Events: `progress` events (`{ seq, status, percent, completed?, total? }`, `id` = seq; send `Last-Event-ID` to resume), then one `done` event with the final pull, then the stream ends',
        params: pullParams,
        headers: z.object({
          'last-event-id': z
            .string()
            .regex(/^\d{1,9}$/)
            .optional(),
        }),
        produces: ['text/event-stream'],
        response: {
          200: z.unknown().describe('text/event-stream: progress events, then one done event'),
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      await requireUser(context, request);
      const after = Number(request.headers['last-event-id'] ?? 0);
      const stream = new PassThrough();
      const write = (event: PullEvent | null) => {
        if (event === null) {
          stream.end(sseEvent('done', registry.get(request.params.pullId)));
          return;
        }
        if (event.seq > after) stream.write(sseEvent('progress', event, event.seq));
      };
      const subscription = registry.subscribe(request.params.pullId, write);
      if (subscription === null) throw AppError.notFound('pull (finished pulls are kept for 10 minutes)');
      for (const event of subscription.past) write(event);
      if (subscription.view.status !== 'running') write(null);
      request.raw.once('close', subscription.unsubscribe);
      return reply
        .type('text/event-stream')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );

  typed.delete(
    '/api/v1/ollama/pulls/:pullId',
    {
      schema: {
        tags,
        summary: 'Cancel a running pull (instance admin); a finished pull stays as it ended',
        params: pullParams,
        response: { 204: noContent, ...protectedErrors },
      },
    },
    async (request, reply) => {
      await requireInstanceAdmin(context, request, 'cancels pulls');
      if (!registry.cancel(request.params.pullId)) throw AppError.notFound('pull');
      return reply.status(204).send(null);
    },
  );
}
