import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createNotificationHub } from '@plume/core/notifications/notification-hub';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Reader,
} from '@plume/core/notifications/query-notifications';
import { workspaceParams } from '@plume/contract/common-schemas';
import {
  markAllReadSchema,
  notificationListQuery,
  notificationPageSchema,
  notificationParams,
  notificationSchema,
  unreadCountSchema,
} from '@plume/contract/notifications/notification-schemas';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireWorkspaceRole } from '../../lib/workspace-access.ts';
import { notificationPreferenceRoutes } from './notification-preferences.routes.ts';

const tags = ['notifications'];
/** A comment line this often keeps proxies and browsers from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000;

/** The signed-in person reading their notifications in a workspace they belong to (others: 404). */
async function readerOf(context: AppContext, request: FastifyRequest, workspaceId: string): Promise<Reader> {
  const access = await requireWorkspaceRole(context, request, workspaceId, 'viewer');
  if (access.principal.kind !== 'user') throw new AppError('session_required');
  return { userId: access.principal.userId, workspaceId: access.workspace.id };
}

export async function notificationRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/notifications';
  const hub = createNotificationHub(context.db);
  const streams = new Set<PassThrough>();
  // Open streams end before the server closes (it would wait for them), then the hub lets go of its connection.
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    await hub.close();
  });

  typed.get(
    base,
    {
      schema: {
        tags,
        summary: 'Your notifications in this workspace, newest first (`unread=true`: only the unread ones)',
        params: workspaceParams,
        querystring: notificationListQuery,
        response: { 200: notificationPageSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const reader = await readerOf(context, request, request.params.workspaceId);
      const { limit, cursor, unread } = request.query;
      return listNotifications(context.db, reader, { limit, cursor, unreadOnly: unread === 'true' });
    },
  );

  typed.get(
    `${base}/unread-count`,
    {
      schema: {
        tags,
        summary: 'How many of your notifications in this workspace are unread',
        params: workspaceParams,
        response: { 200: unreadCountSchema, ...protectedErrors },
      },
    },
    async (request) => ({
      unread: await countUnread(context.db, await readerOf(context, request, request.params.workspaceId)),
    }),
  );

  typed.post(
    `${base}/:notificationId/read`,
    {
      schema: {
        tags,
        summary: 'Mark one of your notifications read (again: it keeps the first time)',
        params: notificationParams,
        response: { 200: notificationSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const reader = await readerOf(context, request, request.params.workspaceId);
      return markNotificationRead(context.db, reader, request.params.notificationId);
    },
  );

  typed.post(
    `${base}/read-all`,
    {
      schema: {
        tags,
        summary: 'Mark all your notifications in this workspace read',
        params: workspaceParams,
        response: { 200: markAllReadSchema, ...protectedErrors },
      },
    },
    async (request) => ({
      marked: await markAllNotificationsRead(context.db, await readerOf(context, request, request.params.workspaceId)),
    }),
  );

  typed.get(
    `${base}/stream`,
    {
      schema: {
        tags,
        summary:
          'Your new notifications in this workspace as Server-Sent Events, as they happen (in any API or worker process): one `notification` event each (data: the notification, `id` = its id), a comment line every 25 s. Starts with a `ready` event once listening. Authenticated by the session cookie (EventSource sends it).',
        params: workspaceParams,
        produces: ['text/event-stream'],
        response: {
          200: z.unknown().describe('text/event-stream: `ready`, then `notification` events'),
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const reader = await readerOf(context, request, request.params.workspaceId);
      const stream = new PassThrough();
      streams.add(stream);
      const subscription = hub.subscribe(reader, (notification) => {
        stream.write(`id: ${notification.id}\nevent: notification\ndata: ${JSON.stringify(notification)}\n\n`);
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
        // The database is unreachable: the browser's EventSource reconnects and tries again.
        () => stream.end(),
      );
      return reply
        .type('text/event-stream')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );

  await notificationPreferenceRoutes(app, context);
}
