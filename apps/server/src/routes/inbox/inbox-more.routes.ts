import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InboxManifestOf } from '@plume/core/inbox/conversation-detail';
import { createInboxHub } from '@plume/core/inbox/inbox-hub';
import { getInboxStats } from '@plume/core/inbox/inbox-stats';
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  updateSavedReply,
} from '@plume/core/inbox/saved-replies';
import {
  inboxParams,
  inboxStatsSchema,
  savedReplyBody,
  savedReplyParams,
  savedReplySchema,
  updateSavedReplyBody,
} from '@plume/contract/inbox/inbox-schemas';
import { itemsOf, problemSchema } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { actorOf } from '../../lib/principal.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { HEARTBEAT_MS } from '../notifications/notifications.routes.ts';

const tags = ['inbox'];
const base = '/api/v1/workspaces/:workspaceId/inbox';
const withConflict = { ...protectedErrors, 409: problemSchema };

/** Saved replies, the per-account figures and the live stream of the inbox (docs/inbox.md). */
export async function inboxMoreRoutes(
  app: FastifyInstance,
  context: AppContext,
  inboxManifestOf: InboxManifestOf,
): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    `${base}/saved-replies`,
    {
      schema: {
        tags,
        summary: 'The workspace’s saved replies, by title',
        params: inboxParams,
        response: { 200: itemsOf(savedReplySchema), ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return { items: await listSavedReplies(context.db, access.workspace.id) };
    },
  );

  typed.post(
    `${base}/saved-replies`,
    {
      schema: {
        tags,
        summary: 'Save a reply for reuse (editor); titles are unique in the workspace (409 at `body/title`)',
        params: inboxParams,
        body: savedReplyBody,
        response: { 201: savedReplySchema, ...withConflict },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      const saved = await createSavedReply(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        ...request.body,
      });
      return reply.status(201).send(saved);
    },
  );

  typed.patch(
    `${base}/saved-replies/:savedReplyId`,
    {
      schema: {
        tags,
        summary: 'Change a saved reply’s title or text (editor)',
        params: savedReplyParams,
        body: updateSavedReplyBody,
        response: { 200: savedReplySchema, ...withConflict },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      return updateSavedReply(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        savedReplyId: request.params.savedReplyId,
        changes: request.body,
      });
    },
  );

  typed.delete(
    `${base}/saved-replies/:savedReplyId`,
    {
      schema: {
        tags,
        summary: 'Delete a saved reply (editor)',
        params: savedReplyParams,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'editor');
      await deleteSavedReply(context.db, {
        workspaceId: access.workspace.id,
        actor: actorOf(access.principal),
        savedReplyId: request.params.savedReplyId,
      });
      return reply.status(204).send(null);
    },
  );

  typed.get(
    `${base}/stats`,
    {
      schema: {
        tags,
        summary: 'Per account with an inbox: open, unread, answered and median response time (30 days), last read',
        description:
          'Response time: for each conversation whose first incoming item was written in the last 30 days, from that item to the earliest answer after it (an item of the account’s own, or a reply Plume sent). `tags`: every tag the workspace used.',
        params: inboxParams,
        response: { 200: inboxStatsSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      return getInboxStats({ db: context.db, inboxManifestOf }, access.workspace.id);
    },
  );

  registerEventStream(app, context);
}

function registerEventStream(app: FastifyInstance, context: AppContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const hub = createInboxHub(context.db);
  const streams = new Set<PassThrough>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    await hub.close();
  });

  typed.get(
    `${base}/events`,
    {
      schema: {
        tags,
        summary:
          'Changes to the workspace’s conversations as Server-Sent Events, from any API or worker process: one `conversation` event each (data: `{ "conversationId" }`; read it again to see what changed), a comment line every 25 s. Starts with a `ready` event once listening.',
        params: inboxParams,
        produces: ['text/event-stream'],
        response: {
          200: z.unknown().describe('text/event-stream: `ready`, then `conversation` events'),
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const access = await requireWorkspaceRole(context, request, request.params.workspaceId, 'viewer');
      const stream = new PassThrough();
      streams.add(stream);
      const subscription = hub.subscribe(access.workspace.id, ({ conversationId }) => {
        stream.write(`event: conversation\ndata: ${JSON.stringify({ conversationId })}\n\n`);
      });
      const heartbeat = setInterval(() => stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stop = () => {
        clearInterval(heartbeat);
        subscription.unsubscribe();
        streams.delete(stream);
      };
      reply.raw.once('close', () => {
        stop();
        stream.destroy();
      });
      stream.once('close', stop);
      subscription.ready.then(
        () => stream.write(`retry: 3000\nevent: ready\ndata: {}\n\n`),
        () => stream.end(),
      );
      return reply
        .type('text/event-stream')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
}
