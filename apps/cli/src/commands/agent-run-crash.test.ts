/**
 * Crash safety of agent runs: a real `plume worker` process is killed with SIGKILL while the Strategy
 * agent's model call is in flight (the fake model answers slowly), then a new worker starts. The run
 * must finish with the Intelligence call asked once in all (its stored result is read back, not paid
 * again) and the call lost in the crash asked again exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { agentRuns, agentRunSteps } from '@plume/db/schema/agents';
import { workspaces } from '@plume/db/schema/workspaces';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';
import { repoRoot } from '../test-support/plume-child.ts';

const SLOW_ANSWER_MS = 2500;

let database: TestDatabase;
let db: Database;
let ollama: OllamaFake;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
  ollama = await startOllamaFake();
  ollama.setAnswer(recordedAgentAnswer(echoAnswer));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-agent-crash-'));
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
      WORKER_STALE_SECONDS: '3',
      LOG_LEVEL: 'silent',
    },
  });
}

const chatCalls = (agent: string) =>
  ollama.requests.filter((request) => request.path === '/api/chat' && JSON.stringify(request.body).includes(agent))
    .length;

async function waitUntil(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function queueRun(): Promise<string> {
  const workspaceId = `ws-${randomUUID()}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Crash bakery', slug: workspaceId });
  const [run] = await db
    .insert(agentRuns)
    .values({
      workspaceId,
      kind: 'intelligence_strategy',
      plannedSteps: 3,
      input: {
        kind: 'intelligence_strategy',
        months: ['2027-01'],
        pillars: [
          { key: 'bakes', name: 'Daily bakes', share: 70 },
          { key: 'team', name: 'The team', share: 30 },
        ],
        goals: ['More walk-ins'],
        brand: null,
        localCandidates: null,
      },
    })
    .returning({ id: agentRuns.id });
  const runId = run!.id;
  await db.execute(
    sql`SELECT graphile_worker.add_job('agent_run', json_build_object('runId', ${runId}::text), job_key => ${`agent-run:${runId}`})`,
  );
  return runId;
}

const stepState = async (runId: string, key: string) =>
  (
    await db
      .select({ state: agentRunSteps.state, attempts: agentRunSteps.attempts })
      .from(agentRunSteps)
      .where(and(eq(agentRunSteps.runId, runId), eq(agentRunSteps.key, key)))
  )[0];

describe('a worker killed during an agent run', () => {
  it('resumes in the next worker without asking the finished model call again', { timeout: 180_000 }, async () => {
    const runId = await queueRun();
    // Every chat answer is slow, so the kill lands while the strategy call waits for its answer.
    ollama.delayFirstByte(SLOW_ANSWER_MS, { path: '/api/chat', times: 2 });
    const first = startWorkerProcess();
    try {
      await waitUntil(
        'the strategy call in flight',
        async () => (await stepState(runId, 'strategy'))?.state === 'running' && chatCalls('content strategist') === 1,
        90_000,
      );
    } finally {
      first.kill('SIGKILL');
    }
    await new Promise((resolve) => first.once('exit', resolve));
    expect(chatCalls('intelligence analyst')).toBe(1);
    expect((await stepState(runId, 'intelligence'))?.state).toBe('succeeded');

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
    expect(chatCalls('intelligence analyst'), 'the finished call, never asked again').toBe(1);
    expect(chatCalls('content strategist'), 'the call lost in the crash, asked again once').toBe(2);
    expect(await stepState(runId, 'strategy')).toEqual({ state: 'succeeded', attempts: 2 });
    expect(await stepState(runId, 'intelligence')).toEqual({ state: 'succeeded', attempts: 1 });
  });
});
