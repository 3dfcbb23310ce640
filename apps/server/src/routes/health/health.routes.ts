import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReadiness } from '@plume/core/platform/check-readiness';
import type { AppContext } from '../../app-context.ts';

const checkSchema = z.object({ ok: z.boolean(), detail: z.string() });
const readySchema = z.object({ status: z.enum(['ready', 'not_ready']), checks: z.record(z.string(), checkSchema) });

export async function healthRoutes(app: FastifyInstance, context: AppContext): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/health',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        security: [],
        summary: 'Liveness: the process answers',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  typed.get(
    '/api/v1/ready',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['operations'],
        security: [],
        summary: 'Readiness: database reachable, migrations current, a worker heartbeat within 30 s',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const checks = await checkReadiness(context.db);
      const ready = Object.values(checks).every((check) => check.ok);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
}
