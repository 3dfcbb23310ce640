import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import { storedStrategy } from '@plume/core/agents/strategy/current-strategy-source';
import { ACTOR, STRATEGY } from '@plume/core/agents/test-support/learning-fixture';
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let ollama: OllamaFake;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;

beforeAll(async () => {
  ollama = await startOllamaFake();
  ollama.setAnswer(recordedAgentAnswer(echoAnswer));
  t = await createTestApp({ OLLAMA_URL: ollama.url, HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(t.app, t.db, { name: 'Apply Owner' });
  viewer = await createUser(t.app, t.db, { name: 'Apply Viewer' });
  workspace = await createWorkspaceAs(t.app, owner);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  await putWorkspaceStrategy(t.db, { workspaceId: workspace.id, actor: ACTOR, strategy: STRATEGY });
});
afterAll(async () => {
  await t.close();
  await ollama.close();
});

const url = (path = '', ws = workspace.id) => `/api/v1/workspaces/${ws}/agent-runs${path}`;
type Problem = { code: string; status: number; detail: string; errors?: Array<{ path: string }> };

describe('applying a run over HTTP', () => {
  it('applies a strategy proposal once (editor), 409 the second time, 404 from another workspace', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: owner.headers,
      payload: { kind: 'intelligence_strategy', startMonth: '2027-03' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const runId = started.json<{ id: string }>().id;
    const services = { competitors: noCompetitors, strategy: storedStrategy(t.db) };
    await executeRun({ db: t.db, gateway: t.context.llm.gateway }, runId, agentProgram(services));

    const apply = (user: TestUser, ws = workspace.id) =>
      t.app.inject({ method: 'POST', url: url(`/${runId}/apply`, ws), headers: user.headers });
    expect((await apply(viewer)).statusCode).toBe(403);
    const applied = await apply(owner);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      runId,
      strategy: {
        pillars: [{ key: 'bakes', before: 50, after: 34 }, {}, {}],
        plans: [{ month: '2027-03', created: true }],
      },
      learning: null,
    });
    const shown = await t.app.inject({ method: 'GET', url: url(`/${runId}`), headers: viewer.headers });
    expect(shown.json<{ appliedAt: string | null }>().appliedAt).not.toBeNull();
    const twice = await apply(owner);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().detail).toMatch(/applied already/);

    const other = await createWorkspaceAs(t.app, owner);
    expect((await apply(owner, other.id)).statusCode).toBe(404);
  });

  it('starts a learning run only for a Monday, with the error at its field', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: owner.headers,
      payload: { kind: 'learning', week: '2026-11-24' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.map((error) => error.path)).toEqual(['body/week']);
    const started = await t.app.inject({
      method: 'POST',
      url: url(),
      headers: owner.headers,
      payload: { kind: 'learning', week: '2026-11-23' },
    });
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json()).toMatchObject({ kind: 'learning', plannedSteps: 2, input: { week: '2026-11-23' } });
  });
});
