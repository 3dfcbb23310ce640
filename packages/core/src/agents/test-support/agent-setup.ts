/**
 * A workspace with an Ollama fake (local, free) and a workspace OpenAI provider on the OpenAI fake
 * (paid: gpt-4o-mini's price), both answering the agents with recorded answers, and the real gateway
 * on a real database.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { parseConfig } from '@plume/config/load-config';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { defaultAnswer, type LlmFakeControls } from '@plume/testing/fakes/llm/llm-fake-server';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startOpenAiFake } from '@plume/testing/fakes/llm/openai-fake';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { createLlmServices, type LlmServices } from '../../llm/llm-services.ts';
import { saveWorkspaceProvider } from '../../llm/manage-llm-providers.ts';
import { savePolicy } from '../../llm/manage-llm-settings.ts';
import { createKeyring, generateKey, parseKey } from '../../secrets/keyring.ts';

const KEY = 'sk-agents-test-key-0123456789';
const SYSTEM_ACTOR = { type: 'system' as const, id: null, name: 'agents test' };

export type AgentWorld = {
  db: Database;
  llm: LlmServices;
  ollama: OllamaFake;
  openai: LlmFakeControls;
  /**
   * A new workspace whose `analysis` and `plan` tasks go to `policy` (default: the paid OpenAI model;
   * `paid_then_local`: the paid one first, in `fastest` mode with nothing measured yet).
   */
  workspace(policy?: 'paid' | 'local' | 'paid_then_local'): Promise<{ id: string; timezone: string }>;
  close(): Promise<void>;
};

export async function createAgentWorld(): Promise<AgentWorld> {
  const database: TestDatabase = await createTestDatabase();
  const db = createDatabase(database.url, { poolSize: 4 });
  const [ollama, openai] = await Promise.all([startOllamaFake(), startOpenAiFake({ apiKey: KEY })]);
  ollama.setAnswer(recordedAgentAnswer(echoAnswer));
  openai.answerWith(recordedAgentAnswer(defaultAnswer));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-agents-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    PLUME_DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    OLLAMA_URL: ollama.url,
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    LLM_CACHE_TTL_SECONDS: '0',
  });
  const keyring = createKeyring(parseKey(generateKey()));
  const llm = createLlmServices({ config, db, keyring });
  return {
    db,
    llm,
    ollama,
    openai,
    async workspace(policy = 'paid') {
      const id = `ws-${randomUUID()}`;
      await db.insert(workspaces).values({ id, name: 'Crumb Bakery', slug: id, timezone: 'Europe/Paris' });
      await saveWorkspaceProvider(
        { db, keyring },
        {
          workspaceId: id,
          actor: SYSTEM_ACTOR,
          provider: { providerId: 'openai', kind: 'openai', baseUrl: `${openai.url}/v1`, apiKey: KEY },
        },
      );
      const paid = { provider: 'openai', model: 'gpt-4o-mini' };
      const local = { provider: 'ollama', model: 'llama3.2:3b' };
      const candidates = policy === 'paid' ? [paid] : policy === 'local' ? [local] : [paid, local];
      for (const task of ['analysis', 'plan'] as const)
        await savePolicy(db, {
          workspaceId: id,
          actor: SYSTEM_ACTOR,
          task,
          policy: { mode: policy === 'paid_then_local' ? 'fastest' : 'cheapest', candidates },
        });
      return { id, timezone: 'Europe/Paris' };
    },
    async close() {
      await closeDatabase(db);
      await database.drop();
      await Promise.all([ollama.close(), openai.close()]);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Model calls the fakes answered for one agent (by its system prompt). */
export function callsTo(world: AgentWorld, agent: 'intelligence analyst' | 'content strategist'): number {
  const openai = world.openai.requests.filter((request) => JSON.stringify(request.body ?? '').includes(agent)).length;
  const ollama = world.ollama.requests.filter((request) => JSON.stringify(request.body ?? '').includes(agent)).length;
  return openai + ollama;
}

/** Other work uses up the month's budget: the spend row says `micros` were spent this month. */
export async function spendThisMonth(db: Database, workspaceId: string, micros: number): Promise<void> {
  const month = `month:${new Date().toISOString().slice(0, 7)}`;
  await db.execute(sql`
    INSERT INTO llm_spend (workspace_id, period, cost_micros, requests) VALUES (${workspaceId}, ${month}, ${micros}, 0)
    ON CONFLICT (workspace_id, period) DO UPDATE SET cost_micros = ${micros}`);
}
