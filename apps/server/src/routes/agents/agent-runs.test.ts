import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentProgram } from '@plume/core/agents/agent-program';
import { noCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { executeRun } from '@plume/core/agents/runner';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import type { LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const KEY = 'sk-agent-routes-key-0123456789';
let t: TestApp;
let ollama: OllamaFake;
let openai: LlmFakeControls;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;

type Run = {
  id: string;
  state: string;
  estimateMicros: number;
  steps: Array<{ key: string; state: string }>;
  output: { strategy?: { months: Array<{ month: string }> } } | null;
};
type Problem = { code: string; status: number; detail: string; errors?: Array<{ path: string }> };

beforeAll(async () => {
  [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
  ollama.setAnswer(recordedAgentAnswer(echoAnswer));
  t = await createTestApp({ OLLAMA_URL: ollama.url, HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(t.app, t.db, { name: 'Agent Owner' });
  viewer = await createUser(t.app, t.db, { name: 'Agent Viewer' });
  workspace = await createWorkspaceAs(t.app, owner);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
});
afterAll(async () => {
  await t.close();
  await Promise.all([ollama.close(), openai.close()]);
});

const url = (path = '', ws = workspace.id) => `/api/v1/workspaces/${ws}/agent-runs${path}`;
const startRun = (payload: object, user = owner) =>
  t.app.inject({ method: 'POST', url: url(), headers: user.headers, payload });
const body = {
  kind: 'intelligence_strategy',
  startMonth: '2027-03',
  pillars: [
    { key: 'bakes', name: 'Daily bakes', share: 60 },
    { key: 'team', name: 'The team', share: 40 },
  ],
};
const runInProcess = (runId: string) =>
  executeRun({ db: t.db, gateway: t.context.llm.gateway }, runId, agentProgram({ competitors: noCompetitors }));

describe('agent runs over HTTP', () => {
  it('starts a run (editor), lists it, and shows it with its steps once a worker ran it', async () => {
    const started = await startRun(body);
    expect(started.statusCode, started.body).toBe(201);
    const run = started.json<Run>();
    expect(run).toMatchObject({ state: 'queued', estimateMicros: 0, steps: [], output: null });
    expect((await startRun(body, viewer)).statusCode).toBe(403);

    const list = await t.app.inject({ method: 'GET', url: url(), headers: viewer.headers });
    expect(list.json<{ items: Run[] }>().items.map((item) => item.id)).toContain(run.id);

    expect((await runInProcess(run.id)).state).toBe('succeeded');
    const read = await t.app.inject({ method: 'GET', url: url(`/${run.id}`), headers: viewer.headers });
    const done = read.json<Run>();
    expect(done.state).toBe('succeeded');
    expect(done.steps.map((step) => step.key)).toEqual(['facts', 'intelligence', 'strategy']);
    expect(done.output?.strategy?.months.map((month) => month.month)).toEqual(['2027-03']);

    const listed = await t.app.inject({ method: 'GET', url: url(), headers: viewer.headers });
    expect(
      listed.json<{ items: Array<{ id: string; doneSteps: number }> }>().items.find((item) => item.id === run.id),
    ).toMatchObject({ doneSteps: 3 });

    const cancelled = await t.app.inject({ method: 'POST', url: url(`/${run.id}/cancel`), headers: owner.headers });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json<Problem>().detail).toMatch(/already over/);
    const resumed = await t.app.inject({ method: 'POST', url: url(`/${run.id}/resume`), headers: owner.headers });
    expect(resumed.statusCode).toBe(409);
    expect(resumed.json<Problem>().detail).toBe('Only a failed run can be resumed.');
  });

  it('says which field is wrong, and refuses a run the budget cannot pay for with a 402', async () => {
    const bad = await startRun({ ...body, pillars: [{ key: 'Bakes!', name: 'x', share: 70 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['body/pillars/0/key', 'body/pillars']),
    );
    const noPillars = await startRun({ kind: 'intelligence_strategy' });
    expect(noPillars.statusCode).toBe(400);
    expect(noPillars.json<Problem>().errors?.[0]?.path).toBe('body/pillars');

    const poor = await createWorkspaceAs(t.app, owner);
    const llm = (path: string) => `/api/v1/workspaces/${poor.id}/llm/${path}`;
    const saved = await t.app.inject({
      method: 'PUT',
      url: llm('providers/openai'),
      headers: owner.headers,
      payload: { kind: 'openai', baseUrl: `${openai.url}/v1`, apiKey: KEY },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (const task of ['analysis', 'plan']) {
      const policy = await t.app.inject({
        method: 'PUT',
        url: llm(`policies/${task}`),
        headers: owner.headers,
        payload: { mode: 'cheapest', candidates: [{ provider: 'openai', model: 'gpt-4o-mini' }] },
      });
      expect(policy.statusCode, policy.body).toBe(200);
    }
    const budget = await t.app.inject({
      method: 'PUT',
      url: llm('budget'),
      headers: owner.headers,
      payload: { dailyLimitUsd: null, monthlyLimitUsd: 0.00001, dailyRequestLimit: null, monthlyRequestLimit: null },
    });
    expect(budget.statusCode, budget.body).toBe(200);
    const refused = await t.app.inject({
      method: 'POST',
      url: url('', poor.id),
      headers: owner.headers,
      payload: { kind: 'intelligence' },
    });
    expect(refused.statusCode, refused.body).toBe(402);
    expect(refused.json<Problem>()).toMatchObject({ code: 'llm_budget_exceeded' });
    expect(refused.json<Problem>().detail).toMatch(/^The run was not started: it is estimated at \$/);
  });

  it('streams the run live until it is over', async () => {
    const run = (await startRun({ kind: 'intelligence' })).json<Run>();
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/email',
      payload: { email: owner.email, password: owner.password },
    });
    const setCookie = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
      .map((line) => line.split(';')[0])
      .join('; ');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: url(`/${run.id}/stream`), headers: { cookie } }, resolve)
        .on('error', reject);
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    response.setEncoding('utf8');
    let received = '';
    response.on('data', (chunk: string) => (received += chunk));
    const ended = new Promise<void>((resolve) => response.once('end', resolve));
    await runInProcess(run.id);
    await ended;
    const states = [...received.matchAll(/event: run\ndata: (.*)\n/g)].map((match) => JSON.parse(match[1]!) as Run);
    expect(states[0]?.state).toBe('queued');
    expect(states.at(-1)?.state).toBe('succeeded');
    expect(states.at(-1)?.steps.map((step) => step.key)).toEqual(['facts', 'intelligence']);
  });
});
