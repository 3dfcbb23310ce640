import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../app-context.ts';

/**
 * Prometheus metrics at /metrics: HTTP latency by route and status, and graphile-worker jobs by state
 * (read from the queue tables at scrape time, so every replica reports the shared truth).
 */
export async function registerMetrics(app: FastifyInstance, context: AppContext): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  new Gauge({
    name: 'plume_jobs',
    help: 'Jobs in the queue by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const result = await context.db.execute<{ state: string; count: number }>(sql`
        SELECT CASE
                 WHEN locked_at IS NOT NULL THEN 'running'
                 WHEN attempts >= max_attempts THEN 'failed'
                 WHEN run_at > now() THEN 'scheduled'
                 ELSE 'waiting' END AS state,
               count(*)::int AS count
        FROM graphile_worker.jobs GROUP BY 1`);
      this.reset();
      for (const state of ['waiting', 'scheduled', 'running', 'failed']) this.set({ state }, 0);
      for (const row of result.rows) this.set({ state: row.state }, row.count);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
