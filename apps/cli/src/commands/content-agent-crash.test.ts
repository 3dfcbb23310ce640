/**
 * Crash safety of a month's generation by the Content agent: a real `plume worker` process is killed
 * with SIGKILL while a draft's content-studio call is in flight (every model answer is slowed down),
 * then a new worker finishes the run. No week's briefs call is asked twice, no brief is written twice,
 * every brief gets exactly one draft post, and only the call lost in the crash is asked again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VOICE_MATCH_SYSTEM } from '@plume/core/content/voice-match';
import { mondayOf, weeksOfMonth } from '@plume/core/planning/plans/plan-calendar';
import { createPlan } from '@plume/core/planning/plans/plan-store';
import { putWorkspaceStrategy } from '@plume/core/planning/strategy/strategy-store';
import { generateKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { agentRuns, agentRunSteps } from '@plume/db/schema/agents';
import { planBriefs } from '@plume/db/schema/planning';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { contentStudioAnswer } from '@plume/testing/fakes/llm/content-agent-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { echoAnswer, type FakeOllamaPrompt } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';
import { repoRoot } from '../test-support/plume-child.ts';

const SLOW_ANSWER_MS = 600;
const month = `${new Date().getUTCFullYear() + 1}-03`;

let database: TestDatabase;
let db: Database;
let ollama: OllamaFake;
let dataDir: string;

function studioOrEcho(prompt: FakeOllamaPrompt): string {
  const system = prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
  const user = prompt.messages.findLast((message) => message.role === 'user')?.content ?? '';
  if (system === VOICE_MATCH_SYSTEM) return '{"score":0.8,"reason":"Warm, as the brand asks."}';
  if (system.startsWith('You write social media posts')) return contentStudioAnswer(system, user);
  return echoAnswer(prompt);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
  ollama = await startOllamaFake();
  ollama.setAnswer(recordedAgentAnswer(studioOrEcho));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-content-crash-'));
});

afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
  await ollama.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [...plumeNodeArgs, 'worker'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      DATABASE_URL: database.url,
      PLUME_SECRET_KEY: generateKey(),
      PLUME_DATA_DIR: dataDir,
      OLLAMA_URL: ollama.url,
      HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      LLM_CACHE_TTL_SECONDS: '0',
      // Above the 10 s heartbeat: a shorter one lets the sweep free the live worker's own job, which then
      // runs twice at once (the strategy crash test's run is too short to see it).
      WORKER_STALE_SECONDS: '15',
      LOG_LEVEL: 'silent',
    },
  });
}

const chats = (marker: string) =>
  ollama.requests.filter(
    (request) => request.path === '/api/chat' && JSON.stringify(request.body ?? '').includes(marker),
  ).length;
const plannerCalls = () => chats('content planner');
const captionCalls = () => chats('You write social media posts');
const voiceCalls = () => chats('You judge whether a social media post');

async function waitUntil(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

async function queueMonth(): Promise<string> {
  const workspaceId = `ws-${randomUUID()}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Crash bakery', slug: workspaceId });
  for (const network of ['mastodon', 'bluesky'] as const)
    await db.insert(socialAccounts).values({
      workspaceId,
      network,
      externalId: `${network}-crash`,
      handle: `@${network}`,
      displayName: network,
      kind: 'profile',
      tokensCiphertext: 'unused',
    });
  await putWorkspaceStrategy(db, {
    workspaceId,
    actor: { type: 'system', id: null, name: 'crash test' },
    strategy: {
      pillars: [
        { key: 'bakes', name: 'Daily bakes', share: 60, description: 'What came out of the oven' },
        { key: 'team', name: 'The team', share: 40, description: 'Behind the counter' },
      ],
      goals: ['awareness'],
      audience: 'Neighbours',
      tone: ['warm'],
      cadence: { mastodon: 1, bluesky: 1 },
      kpiTargets: [],
      locale: 'en-US',
      monthlyAiBudgetUsd: null,
      templateId: null,
      templateVersion: null,
    },
  });
  const plan = await createPlan(db, { workspaceId, month, themes: [], userId: null });
  const input = {
    kind: 'content',
    planId: plan.id,
    weeks: weeksOfMonth(month),
    networks: null,
    actor: { userId: null, name: null, role: 'editor', kind: 'api_key' },
    localCandidates: null,
  };
  const [run] = await db
    .insert(agentRuns)
    .values({ workspaceId, kind: 'content', plannedSteps: 20, input })
    .returning({ id: agentRuns.id });
  const runId = run!.id;
  await db.execute(
    sql`SELECT graphile_worker.add_job('agent_run', json_build_object('runId', ${runId}::text), job_key => ${`agent-run:${runId}`})`,
  );
  return runId;
}

const draftSteps = (runId: string) =>
  db
    .select({ key: agentRunSteps.key, state: agentRunSteps.state, attempts: agentRunSteps.attempts })
    .from(agentRunSteps)
    .where(and(eq(agentRunSteps.runId, runId), like(agentRunSteps.key, 'draft:%')));

describe('a worker killed during a month of content', () => {
  it('resumes in the next worker without asking a finished call again', { timeout: 180_000 }, async () => {
    const runId = await queueMonth();
    ollama.delayFirstByte(SLOW_ANSWER_MS, { path: '/api/chat', times: 200 });
    const first = startWorkerProcess();
    try {
      // Two drafts done and the third's content-studio call sent, its voice check not yet: mid-call.
      await waitUntil(
        'a draft call in flight',
        async () => {
          const steps = await draftSteps(runId);
          const done = steps.filter((step) => step.state === 'succeeded').length;
          return done >= 2 && captionCalls() === done + 1 && voiceCalls() === done;
        },
        90_000,
      );
    } finally {
      first.kill('SIGKILL');
    }
    await new Promise((resolve) => first.once('exit', resolve));
    const plannerBefore = plannerCalls();

    const second = startWorkerProcess();
    try {
      await waitUntil(
        'the run to finish',
        async () => {
          const [run] = await db.select({ state: agentRuns.state }).from(agentRuns).where(eq(agentRuns.id, runId));
          return run?.state === 'succeeded' || run?.state === 'failed';
        },
        120_000,
      );
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    const [run] = await db.select().from(agentRuns).where(eq(agentRuns.id, runId));
    expect(run?.error ?? null).toBeNull();
    expect(run?.state).toBe('succeeded');
    const briefs = await db.select().from(planBriefs).where(eq(planBriefs.agentRunId, runId));
    const weeks = new Set(briefs.map((brief) => mondayOf(brief.day))).size;
    expect(plannerBefore, 'every week asked once, before the crash').toBe(weeks);
    expect(plannerCalls(), 'and never again').toBe(weeks);
    expect(briefs.length).toBeGreaterThanOrEqual(6);
    expect(briefs.every((brief) => brief.state === 'drafted' && brief.postId !== null)).toBe(true);
    expect(new Set(briefs.map((brief) => brief.postId)).size).toBe(briefs.length);
    expect(captionCalls(), 'one call per brief, and the one lost in the crash once more').toBe(briefs.length + 1);
    const steps = await draftSteps(runId);
    expect(steps).toHaveLength(briefs.length);
    expect(steps.filter((step) => step.attempts === 2)).toHaveLength(1);
    expect(steps.every((step) => step.state === 'succeeded')).toBe(true);
  });
});
