import type { FastifyInstance } from 'fastify';
import type { TestUser } from './factories.ts';
import type { RouteExample } from './route-sweep.ts';

export type PlanSweepIds = { planId: string; briefId: string; dropBriefId: string; week: string; month: string };

async function created(app: FastifyInstance, user: TestUser, url: string, payload: object): Promise<{ id: string }> {
  const response = await app.inject({ method: 'POST', url, headers: user.headers, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>();
}

/** A plan for March of next year with two briefs on the fixture's account (one for the DELETE route). */
export async function insertPlan(
  app: FastifyInstance,
  owner: TestUser,
  workspaceId: string,
  accountId: string,
): Promise<PlanSweepIds> {
  const year = new Date().getUTCFullYear() + 1;
  const month = `${year}-03`;
  const base = `/api/v1/workspaces/${workspaceId}/plans`;
  const plan = await created(app, owner, base, { month });
  const detail = await app.inject({ method: 'GET', url: `${base}/${plan.id}`, headers: owner.headers });
  const week = detail.json<{ weeks: string[] }>().weeks[1]!;
  const brief = { day: week, accountId, pillar: 'tips', topic: 'Sweep brief' };
  const { id: briefId } = await created(app, owner, `${base}/${plan.id}/briefs`, brief);
  const { id: dropBriefId } = await created(app, owner, `${base}/${plan.id}/briefs`, brief);
  return { planId: plan.id, briefId, dropBriefId, week, month };
}

/** Valid input for the plan routes, where the sweep's own would not do. */
export function planExample(key: string, ids: PlanSweepIds, accountId: string): RouteExample | undefined {
  const plans = '/api/v1/workspaces/{workspaceId}/plans';
  const brief = `${plans}/{planId}/briefs/{briefId}`;
  switch (key) {
    case `POST ${plans}`:
      return { body: { month: `${ids.month.slice(0, 4)}-04` } };
    case `POST ${plans}/{planId}/briefs`:
      return { body: { day: ids.week, accountId, pillar: 'tips', topic: 'Another sweep brief' } };
    case `PATCH ${brief}`:
      return { body: { topic: 'Sweep brief, edited' } };
    case `DELETE ${brief}`:
      return { params: { briefId: ids.dropBriefId } };
    // A brief without a draft cannot be rejected (409): the replacement journey is in plans tests.
    case `POST ${brief}/reject`:
    case `POST ${brief}/emergency-replace`:
      return { body: { reason: 'Sweep reason' }, skip: ['control'] };
    // A brief without a draft cannot be tested (409), and no test exists to cancel: the journey is in ab-tests tests.
    case `POST ${brief}/ab-test`:
      return { body: { kind: 'text' }, skip: ['control'] };
    case `DELETE ${plans}/{planId}/ab-tests/{testId}`:
      return { params: { testId: '00000000-0000-4000-8000-00000000ab00' }, skip: ['control'] };
    default:
      return undefined;
  }
}
