import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { callAuth } from '@plume/core/accounts/translate-auth-error';
import { exportUserData } from '@plume/core/me/export-user-data';
import { readPreferences, updatePreferences } from '@plume/core/me/preferences';
import { listInvitationsForEmail } from '@plume/core/workspaces/manage-invitations';
import { users } from '@plume/db/schema/auth';
import { AppError } from '@plume/errors/app-error';
import {
  deleteAccountBody,
  preferencesBody,
  preferencesSchema,
  profileSchema,
  updateProfileBody,
} from '@plume/contract/me/me-schemas';
import { invitationSchema } from '@plume/contract/workspaces/workspace-schemas';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser, toWebHeaders } from '../../plugins/authenticate.ts';

const tags = ['me'];

export async function meRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  async function loadProfile(userId: string) {
    const [profile] = await context.db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        emailVerified: users.emailVerified,
        image: users.image,
        isInstanceAdmin: users.isInstanceAdmin,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!profile) throw AppError.notFound('user');
    return profile;
  }

  typed.get(
    '/api/v1/me',
    { schema: { tags, summary: 'Your profile', response: { 200: profileSchema, ...protectedErrors } } },
    async (request) => {
      const user = await requireUser(context, request);
      return loadProfile(user.userId);
    },
  );

  typed.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Update your profile',
        body: updateProfileBody,
        response: { 200: profileSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      if (Object.keys(request.body).length > 0) {
        await context.db
          .update(users)
          .set({ ...request.body, updatedAt: new Date() })
          .where(eq(users.id, user.userId));
        context.sessionCache?.clear();
      }
      return loadProfile(user.userId);
    },
  );

  typed.get(
    '/api/v1/me/preferences',
    { schema: { tags, summary: 'Your preferences', response: { 200: preferencesSchema, ...protectedErrors } } },
    async (request) => {
      const user = await requireUser(context, request);
      return readPreferences(context.db, user.userId);
    },
  );

  typed.put(
    '/api/v1/me/preferences',
    {
      schema: {
        tags,
        summary: 'Change your preferences',
        body: preferencesBody,
        response: { 200: preferencesSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      return updatePreferences(context.db, user.userId, request.body);
    },
  );

  typed.get(
    '/api/v1/me/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations waiting for you',
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      return { items: await listInvitationsForEmail(context.db, user.email) };
    },
  );

  typed.get(
    '/api/v1/me/export',
    {
      schema: {
        tags,
        summary: 'Download everything Plume holds about you (JSON)',
        response: { 200: z.unknown(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      const user = await requireUser(context, request);
      const data = await exportUserData(context.db, user.userId);
      if (!data) throw AppError.notFound('user');
      return reply.header('content-disposition', `attachment; filename="plume-export-${user.userId}.json"`).send(data);
    },
  );

  typed.post(
    '/api/v1/me/delete',
    {
      schema: {
        tags,
        summary: 'Delete your account (workspaces you alone own go with it)',
        body: deleteAccountBody,
        response: { 204: z.null(), ...protectedErrors },
      },
    },
    async (request, reply) => {
      await requireUser(context, request);
      await callAuth(() =>
        context.auth.api.deleteUser({ headers: toWebHeaders(request), body: { password: request.body.password } }),
      );
      context.sessionCache?.clear();
      return reply.status(204).send(null);
    },
  );
}
