import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storedCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { storedStrategy } from '@plume/core/agents/strategy/current-strategy-source';
import { resumeRun } from '@plume/core/agents/resume-run';
import { cancelRun, listRunViews, readRunView } from '@plume/core/agents/run-views';
import { startAgentRun } from '@plume/core/agents/start-run';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  agentRunListQuery,
  agentRunPageSchema,
  agentRunParams,
  agentRunSchema,
  startAgentRunBody,
} from '@plume/contract/agents/agent-run-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { withIdempotency } from '../../lib/idempotency.ts';
import { principalKey } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { followRun } from './follow-run.ts';

const tags = ['agents'];

export async function agentRunRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/agent-runs';
  const services = {
    competitors: storedCompetitors(context.db),
    strategy: storedStrategy(context.db),
    content: { runtime: context.publishing.runtime },
  };
  const streams = new Set<PassThrough>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });

  typed.post(
    base,
    {
      schema: {
        tags,
        summary:
          "Start an agent run (editor): the Intelligence agent, Intelligence then Strategy, or the Content agent on a plan (`planId`: briefs per day and network with visual briefs, then drafts). Its cost is estimated first: over the workspace's model budget it is refused (402), or limited to local models when one can do it (`localOnly`). The run then goes on in a worker; follow it with `…/stream`.",
        params: workspaceParams,
        body: startAgentRunBody,
        response: { 201: agentRunSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return withIdempotency(context, request, reply, principalKey(access.principal), async () => ({
        status: 201,
        body: await startAgentRun(
          { db: context.db, llm: context.llm, services },
          {
            workspace: { id: access.workspace.id, timezone: access.workspace.timezone },
            userId: access.principal.kind === 'user' ? access.principal.userId : null,
            body: request.body,
          },
        ),
      }));
    },
  );

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'Agent runs of the workspace, newest first',
        params: workspaceParams,
        querystring: agentRunListQuery,
        response: { 200: agentRunPageSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return listRunViews(context.db, access.workspace.id, request.query);
    },
  );

  typed.get(
    `${base}/:runId`,
    {
      schema: {
        tags,
        summary: 'One agent run with its steps (model, prompt size, tokens, cost, time) and, once done, its output',
        params: agentRunParams,
        response: { 200: agentRunSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return readRunView(context.db, access.workspace.id, request.params.runId);
    },
  );

  typed.post(
    `${base}/:runId/cancel`,
    {
      schema: {
        tags,
        summary:
          'Cancel a run (editor): a queued run at once, a running one before its next step (the call in progress finishes and is paid). 409 when it is already over.',
        params: agentRunParams,
        response: { 200: agentRunSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return cancelRun(context.db, access.workspace.id, request.params.runId);
    },
  );

  typed.post(
    `${base}/:runId/resume`,
    {
      schema: {
        tags,
        summary:
          'Resume a failed run (editor), e.g. after raising the budget: it is queued again and goes on from the step that failed; steps already done are not run or paid again. 409 unless the run failed.',
        params: agentRunParams,
        response: { 200: agentRunSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return resumeRun(context.db, access.workspace.id, request.params.runId);
    },
  );

  typed.get(
    `${base}/:runId/stream`,
    {
      schema: {
        tags,
        summary:
          'The run as Server-Sent Events while it goes on: a `run` event (data: the run with its steps) at once and at each change, read every half second; the stream ends after the run is over. A comment line every 25 s. Authenticated by the session cookie (EventSource sends it).',
        params: agentRunParams,
        produces: ['text/event-stream'],
        response: { 200: z.unknown().describe('text/event-stream: `run` events'), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const workspaceId = access.workspace.id;
      const { runId } = request.params;
      // Not found is answered as a problem before the stream starts.
      const first = await readRunView(context.db, workspaceId, runId);
      const stream = new PassThrough();
      streams.add(stream);
      const stop = followRun({
        first,
        read: () => readRunView(context.db, workspaceId, runId),
        write: (text) => stream.write(text),
        end: () => stream.end(),
      });
      const cleanUp = () => {
        stop();
        streams.delete(stream);
      };
      reply.raw.once('close', () => {
        cleanUp();
        stream.destroy();
      });
      stream.once('close', cleanUp);
      return reply
        .type('text/event-stream')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
}
