import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  readNotificationPreferences,
  updateNotificationPreferences,
} from '@plume/core/notifications/notification-preferences';
import {
  notificationPreferencesBody,
  notificationPreferencesSchema,
} from '@plume/contract/notifications/notification-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser } from '../../plugins/authenticate.ts';

const tags = ['me'];

/** Per person, for every workspace: which kinds of notification reach them in the app and by mail. */
export async function notificationPreferenceRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Which notifications reach you in the app and by mail, per kind (defaults filled in)',
        response: { 200: notificationPreferencesSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      return { kinds: await readNotificationPreferences(context.db, user.userId) };
    },
  );

  typed.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change how the kinds you list reach you; the others stay as they are',
        body: notificationPreferencesBody,
        response: { 200: notificationPreferencesSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      return { kinds: await updateNotificationPreferences(context.db, user.userId, request.body.kinds) };
    },
  );
}
