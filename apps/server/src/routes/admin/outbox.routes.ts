import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOutbox } from '@plume/core/mail/list-outbox';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../../app-context.ts';
import { paginationQuery, protectedErrors } from '../../lib/common-schemas.ts';
import { requireUser } from '../../plugins/authenticate.ts';

const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.string(),
  createdAt: z.date(),
});

export async function outboxRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/admin/outbox', {
    schema: {
      tags: ['admin'],
      summary: 'Mail Plume sent or kept (instance admin). Without SMTP this is where confirmation links are read.',
      querystring: paginationQuery,
      response: { 200: z.object({ items: z.array(mailSchema), nextCursor: z.string().nullable() }), ...protectedErrors },
    },
  }, async (request) => {
    const user = await requireUser(context, request);
    if (!user.isInstanceAdmin) throw AppError.forbidden('Only the instance admin (the first registered user) reads the outbox.');
    return listOutbox(context.db, request.query);
  });
}
