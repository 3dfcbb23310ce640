// The world `npm run bench:plan` plans in: embedded PostgreSQL as `plume start` runs it, the app built as
// `plume start` builds it (in this process, requests through `app.inject`), the fake model; then through
// the API an owner, a workspace (Europe/Berlin), a full brand profile, onboarding from the SaaS industry
// template (LinkedIn, X and Bluesky at five posts a week each), three connected accounts with a history
// of measured posts each, and a plan for next month.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { parseConfig } from '@plume/config/load-config';
import { createAuth } from '@plume/core/accounts/create-auth';
import { createLlmServices, type LlmServices } from '@plume/core/llm/llm-services';
import { createPublishingServices, type PublishingServices } from '@plume/core/publishing/publishing-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { users } from '@plume/db/schema/auth';
import { socialAccounts } from '@plume/db/schema/social';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { allProviders } from '@plume/networks/registry';
import { buildApp } from '@plume/server/create-app';
import { freePort } from '@plume/testing/free-port';
import { seedHistory } from './plan-history.ts';
import { startPlanFake, type PlanFake } from './plan-fake.ts';

export const NETWORKS: readonly NetworkId[] = ['linkedin', 'x', 'bluesky'];
export const ZONE = 'Europe/Berlin';

export type PlanWorld = {
  app: FastifyInstance;
  db: Database;
  llm: LlmServices;
  publishing: PublishingServices;
  model: PlanFake;
  headers: Record<string, string>;
  userId: string;
  workspaceId: string;
  accounts: Array<{ id: string; network: NetworkId }>;
  planId: string;
  month: string;
  historyPosts: number;
};

export type WorldHandle = { world: PlanWorld | null; close(): Promise<void> };

const brand = {
  name: 'Ledgerline',
  industry: 'Software / SaaS',
  audience: 'Finance and operations leads at companies of 50 to 500 people who close the books every month',
  goals: ['More trial sign-ups from finance teams', 'Fewer support tickets about exports'],
  voice: { tone: ['clear', 'confident', 'helpful'], formality: 0.5, emoji: 'none', person: 'first_plural' },
  topics: ['month-end close', 'approvals', 'audit trails', 'integrations', 'customer stories'],
  topicsToAvoid: ['competitor names', 'pricing promises', 'politics'],
  ctaDefaults: ['Start a free trial', 'Book a demo'],
  language: 'en-GB',
  hashtags: { always: ['Ledgerline'], never: ['ad'] },
};

/** Next month on the workspace's calendar (`YYYY-MM`). */
export function nextMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  const next = new Date(Date.UTC(parts[0]!, parts[1], 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}

type Request = {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  payload?: object;
};

async function expectJson<T>(app: FastifyInstance, request: Request, status: number): Promise<T> {
  const response = await app.inject(request);
  if (response.statusCode !== status)
    throw new Error(`${JSON.stringify(request).slice(0, 120)} answered ${response.statusCode}: ${response.body}`);
  return response.json<T>();
}

async function signedUpOwner(app: FastifyInstance, db: Database) {
  const email = `owner-${Date.now()}@example.test`;
  const password = 'a-long-bench-password';
  await expectJson(
    app,
    { method: 'POST', url: '/api/v1/auth/sign-up/email', payload: { name: 'Bench Owner', email, password } },
    200,
  );
  await db.update(users).set({ emailVerified: true }).where(eq(users.email, email));
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in/email', payload: { email, password } });
  const token = signIn.headers['set-auth-token'];
  if (signIn.statusCode !== 200 || typeof token !== 'string') throw new Error(`sign-in answered ${signIn.statusCode}`);
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { headers: { authorization: `Bearer ${token}` }, userId: row!.id };
}

async function workspaceWithStrategy(app: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const { id } = await expectJson<{ id: string }>(
    app,
    {
      method: 'POST',
      url: '/api/v1/workspaces',
      headers,
      payload: { name: 'Ledgerline', kind: 'brand', timezone: ZONE, locale: 'en-GB' },
    },
    201,
  );
  const base = `/api/v1/workspaces/${id}`;
  await expectJson(app, { method: 'PUT', url: `${base}/brand-profile`, headers, payload: { brand } }, 200);
  await expectJson(
    app,
    {
      method: 'POST',
      url: `${base}/onboarding`,
      headers,
      payload: {
        templateId: 'saas',
        goals: ['leads', 'awareness'],
        audience: brand.audience,
        tone: brand.voice.tone,
        cadence: Object.fromEntries(NETWORKS.map((network) => [network, 5])),
        monthlyAiBudgetUsd: null,
      },
    },
    200,
  );
  return id;
}

async function connectAccounts(db: Database, workspaceId: string) {
  const accounts: PlanWorld['accounts'] = [];
  for (const network of NETWORKS) {
    const [row] = await db
      .insert(socialAccounts)
      .values({
        workspaceId,
        network,
        externalId: `${network}-ledgerline`,
        handle: `@ledgerline-${network}`,
        displayName: `Ledgerline on ${network}`,
        kind: 'profile',
        tokensCiphertext: 'unused: nothing is published',
      })
      .returning({ id: socialAccounts.id });
    accounts.push({ id: row!.id, network });
  }
  return accounts;
}

/** Starts everything; `close` stops whatever was started, also after a failure half-way. */
export async function startPlanWorld(
  settings: { latencyMs: number; historyPerAccount: number; seed: number },
  log: (message: string) => void,
): Promise<WorldHandle> {
  const started: {
    dir?: string;
    postgres?: EmbeddedPostgresHandle;
    db?: Database;
    app?: FastifyInstance;
    model?: PlanFake;
  } = {};
  const handle: WorldHandle = {
    world: null,
    async close() {
      if (started.app) await started.app.close().catch(() => undefined);
      if (started.db) await closeDatabase(started.db).catch(() => undefined);
      if (started.model) await started.model.close();
      if (started.postgres)
        await started.postgres
          .stop()
          .catch((error: unknown) => log(`PostgreSQL did not stop cleanly: ${String(error)}`));
      if (started.dir) await rm(started.dir, { recursive: true, force: true });
      Object.assign(started, { dir: undefined, postgres: undefined, db: undefined, app: undefined, model: undefined });
    },
  };
  started.dir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-plan-'));
  log('starting embedded PostgreSQL and migrating…');
  started.postgres = await startEmbeddedPostgres({
    directory: path.join(started.dir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  await started.postgres.createDatabase('plume');
  const databaseUrl = started.postgres.url('plume');
  await runMigrations(databaseUrl);
  started.model = await startPlanFake(settings.latencyMs, settings.seed);
  const config = parseConfig({
    NODE_ENV: 'production',
    PLUME_DATA_DIR: started.dir,
    DATABASE_URL: databaseUrl,
    OLLAMA_URL: started.model.fake.url,
    LOG_LEVEL: 'silent',
  });
  const db = createDatabase(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'plume-bench-plan' });
  started.db = db;
  const keyring = createKeyring(parseKey(generateKey()));
  const publishing = createPublishingServices({ config, providers: allProviders });
  const llm = createLlmServices({ config, db, keyring });
  started.app = await buildApp({ config, db, auth: createAuth({ config, db, keyring }), keyring, publishing, llm });
  await started.app.ready();
  const app = started.app;

  log('owner, workspace, brand profile, onboarding (SaaS template), three accounts…');
  const owner = await signedUpOwner(app, db);
  const workspaceId = await workspaceWithStrategy(app, owner.headers);
  const accounts = await connectAccounts(db, workspaceId);
  const historyPosts = await seedHistory(db, {
    workspaceId,
    accounts,
    perAccount: settings.historyPerAccount,
    seed: settings.seed,
  });
  log(`history: ${historyPosts} measured posts`);
  const month = nextMonth(new Date());
  const plan = await expectJson<{ id: string }>(
    app,
    { method: 'POST', url: `/api/v1/workspaces/${workspaceId}/plans`, headers: owner.headers, payload: { month } },
    201,
  );
  handle.world = {
    app,
    db,
    llm,
    publishing,
    model: started.model,
    ...owner,
    workspaceId,
    accounts,
    planId: plan.id,
    month,
    historyPosts,
  };
  return handle;
}

export { expectJson };
