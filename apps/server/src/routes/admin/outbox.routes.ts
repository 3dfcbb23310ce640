import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOutbox } from '@plume/core/mail/list-outbox';
import { AppError } from '@plume/errors/app-error';
import { mailSchema } from '@plume/contract/admin/outbox-schemas';
import { paginationQuery } from '@plume/contract/common-schemas';
import { pageOf } from '@plume/contract/wire';
import type { AppContext } from '../../app-context.ts';
import { protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser } from '../../plugins/authenticate.ts';

export async function outboxRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Mail Plume sent or kept (instance admin). Without SMTP this is where confirmation links are read.',
        querystring: paginationQuery,
        response: { 200: pageOf(mailSchema), ...protectedErrors },
      },
    },
    async (request) => {
      const user = await requireUser(context, request);
      if (!user.isInstanceAdmin)
        throw AppError.forbidden('Only the instance admin (the first registered user) reads the outbox.');
      return listOutbox(context.db, request.query);
    },
  );
}
