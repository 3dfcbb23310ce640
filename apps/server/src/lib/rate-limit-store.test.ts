import Fastify from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { describe, expect, it } from 'vitest';
import { SnapshotLocalStore } from './rate-limit-store.ts';

async function appWithLimits() {
  const app = Fastify();
  await app.register(fastifyRateLimit, { global: true, max: 5, timeWindow: '1 minute', store: SnapshotLocalStore });
  app.get('/global', async () => ({ ok: true }));
  app.get(
    '/route',
    { config: { rateLimit: { max: 3, timeWindow: '1 minute', keyGenerator: () => 'workspace-1' } } },
    async () => ({ ok: true }),
  );
  await app.ready();
  return app;
}

const statuses = (responses: { statusCode: number }[]) => responses.map((response) => response.statusCode).sort();

describe('rate-limit store', () => {
  it('refuses only what goes over the limit when requests arrive together', async () => {
    const app = await appWithLimits();
    const burst = await Promise.all(Array.from({ length: 7 }, () => app.inject({ method: 'GET', url: '/global' })));
    expect(statuses(burst)).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Each request is told what was left when it was counted.
    const remaining = burst
      .filter((response) => response.statusCode === 200)
      .map((response) => Number(response.headers['x-ratelimit-remaining']))
      .sort();
    expect(remaining).toEqual([0, 1, 2, 3, 4]);
    await app.close();
  });

  it('does the same for a route with its own limit and key', async () => {
    const app = await appWithLimits();
    const burst = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'GET', url: '/route' })));
    expect(statuses(burst)).toEqual([200, 200, 200, 429]);
    await app.close();
  });
});
