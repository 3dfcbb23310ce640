/** The route sweep's automation rule: a notify rule made through the API, and valid bodies for the writes. */
import type { FastifyInstance } from 'fastify';
import type { TestUser } from './factories.ts';
import type { RouteExample } from './route-sweep.ts';

export const sweepRuleBody = {
  name: 'Tell admins about failures',
  trigger: { type: 'post.failed' },
  conditions: [{ field: 'network', operator: 'equals', value: 'mastodon' }],
  actions: [{ type: 'notify', audience: 'managers', title: 'A post failed on {{handle}}' }],
};

export async function insertSweepRule(app: FastifyInstance, owner: TestUser, workspaceId: string): Promise<string> {
  const url = `/api/v1/workspaces/${workspaceId}/automation/rules`;
  const created = await app.inject({ method: 'POST', url, headers: owner.headers, payload: sweepRuleBody });
  if (created.statusCode !== 201) throw new Error(`POST ${url} failed: ${created.statusCode} ${created.body}`);
  return created.json<{ id: string }>().id;
}

export function automationExample(key: string): RouteExample | undefined {
  if (key === 'POST /api/v1/workspaces/{workspaceId}/automation/rules') return { body: sweepRuleBody };
  if (key === 'POST /api/v1/workspaces/{workspaceId}/automation/rules/dry-run')
    return { body: { rule: sweepRuleBody } };
  if (key === 'PATCH /api/v1/workspaces/{workspaceId}/automation/rules/{ruleId}') return { body: { name: 'Sweep' } };
  return undefined;
}
