// The stack `npm run bench:llm` measures: embedded PostgreSQL as `plume start` runs it, migrated; the
// Ollama fake on loopback; the LLM services exactly as the app builds them (`createLlmServices`:
// provider directory, stored-policy lookup, gateway with its breakers) over one workspace with a budget.
import { parseConfig } from '@plume/config/load-config';
import { createLlmServices, type LlmServices } from '@plume/core/llm/llm-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { llmBudgets } from '@plume/db/schema/llm';
import { workspaces } from '@plume/db/schema/workspaces';
import type { LlmProvider } from '@plume/llm/provider-contract';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { freePort } from '@plume/testing/free-port';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type LlmStack = {
  db: Database;
  fake: OllamaFake;
  services: LlmServices;
  workspaceId: string;
  /** The instance's Ollama provider the gateway calls (the AI SDK through `@plume/http`). */
  provider: LlmProvider;
  /** `/api/chat` requests the fake answered so far. */
  chatCalls(): number;
  /** The default pool size of the app (DATABASE_POOL_SIZE). */
  poolSize: number;
};

export type StackHandle = { stack: LlmStack | null; close(): Promise<void> };

/** Starts everything; `close` stops whatever was started, also after a failure half-way. */
export async function startLlmStack(log: (message: string) => void): Promise<StackHandle> {
  const started: { dataDir?: string; postgres?: EmbeddedPostgresHandle; db?: Database; fake?: OllamaFake } = {};
  const handle: StackHandle = {
    stack: null,
    async close() {
      if (started.db) await closeDatabase(started.db).catch(() => undefined);
      if (started.fake) await started.fake.close();
      if (started.postgres)
        await started.postgres
          .stop()
          .catch((error: unknown) => log(`PostgreSQL did not stop cleanly: ${String(error)}`));
      if (started.dataDir) await rm(started.dataDir, { recursive: true, force: true });
      Object.assign(started, { dataDir: undefined, postgres: undefined, db: undefined, fake: undefined });
    },
  };
  started.dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-llm-'));
  log('starting embedded PostgreSQL (as `plume start` does) and migrating…');
  started.postgres = await startEmbeddedPostgres({
    directory: path.join(started.dataDir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  await started.postgres.createDatabase('plume');
  const databaseUrl = started.postgres.url('plume');
  await runMigrations(databaseUrl);

  let chats = 0;
  started.fake = await startOllamaFake({
    recordRequests: false,
    answer: (prompt) => {
      chats += 1;
      return echoAnswer(prompt);
    },
  });
  // The app's configuration from a clean environment: only the fake's URL and the data folder are set.
  const config = parseConfig({
    OLLAMA_URL: started.fake.url,
    PLUME_DATA_DIR: started.dataDir,
    DATABASE_URL: databaseUrl,
  });
  started.db = createDatabase(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'plume-bench-llm' });
  const keyring = createKeyring(parseKey(generateKey()));
  const services = createLlmServices({ config, db: started.db, keyring });

  const workspaceId = 'ws_bench_llm';
  await started.db.insert(workspaces).values({ id: workspaceId, name: 'LLM bench', slug: 'llm-bench' });
  // A budget, so the check reads real caps (generous: local models cost nothing anyway).
  await started.db.insert(llmBudgets).values({
    workspaceId,
    dailyLimitMicros: 50_000_000,
    monthlyLimitMicros: 500_000_000,
    dailyRequestLimit: 1_000_000,
  });
  const provider = services.directory.instance().find((entry) => entry.id === 'ollama')?.provider;
  if (provider === undefined) throw new Error('the provider directory has no instance Ollama');
  handle.stack = {
    db: started.db,
    fake: started.fake,
    services,
    workspaceId,
    provider,
    chatCalls: () => chats,
    poolSize: config.DATABASE_POOL_SIZE,
  };
  return handle;
}
