// `npm run bench:analytics`: the analytics page's queries over 10 million snapshot rows. An agency of
// 50 workspaces seeded in SQL (the measured one: 20 accounts on five networks), 400 days of posts with 8
// scheduled snapshots each and a daily follower reading per account. The page's five requests for the
// last 90 days (with the period before, for comparison) go through the real app in this process; the
// baseline, in the same rounds, is the same SQL statements sent through a plain pg pool.
// Scale: BENCH_SNAPSHOTS (default 10,000,000), BENCH_ROUNDS (default 200).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { parseConfig } from '@plume/config/load-config';
import { shiftDate } from '@plume/contract/analytics/analytics-query';
import { createAuth } from '@plume/core/accounts/create-auth';
import { notifyBudgetAlert } from '@plume/core/llm/budget-alert-mail';
import { createLlmServices } from '@plume/core/llm/llm-services';
import { createPublishingServices } from '@plume/core/publishing/publishing-services';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, createPool, type Database } from '@plume/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { allProviders } from '@plume/networks/registry';
import { buildApp } from '@plume/server/create-app';
import { freePort } from '@plume/testing/free-port';
import { captureStatements, measurePage, type PageTarget } from './lib/analytics-measure.ts';
import { renderAnalyticsReport, type AnalyticsFigures } from './lib/analytics-report.ts';
import { seedAnalytics, type AnalyticsSeedSettings } from './lib/analytics-seed.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';
import { watchPool } from './lib/sql-capture.ts';

const root = path.resolve(import.meta.dirname, '..');
const fromEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback;
const seedSettings: AnalyticsSeedSettings = {
  workspaces: 50,
  measuredAccounts: 20,
  days: 400,
  snapshots: fromEnv('BENCH_SNAPSHOTS', 10_000_000),
  measuredWeight: 2,
};
const settings = { rounds: fromEnv('BENCH_ROUNDS', 200), warmUp: 10, rangeDays: 90, timezone: 'Europe/Berlin' };

let postgres: EmbeddedPostgresHandle | null = null;
let db: Database | null = null;
let app: FastifyInstance | null = null;
let baseline: pg.Pool | null = null;
let dataDir: string | null = null;

async function cleanUp(): Promise<void> {
  if (app) await app.close().catch(() => undefined);
  app = null;
  if (baseline) await baseline.end().catch(() => undefined);
  baseline = null;
  if (db) await closeDatabase(db).catch(() => undefined);
  db = null;
  if (postgres) await postgres.stop().catch(() => undefined);
  postgres = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
}

function log(message: string): void {
  process.stderr.write(`[bench:analytics] ${message}\n`);
}

/** The app as `plume start` builds it (production settings, no logging), on `databaseUrl`. */
async function startApp(directory: string, databaseUrl: string): Promise<{ app: FastifyInstance; db: Database }> {
  const config = parseConfig({
    NODE_ENV: 'production',
    PLUME_DATA_DIR: directory,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
  });
  const pool = createDatabase(databaseUrl, { poolSize: config.DATABASE_POOL_SIZE, applicationName: 'plume-api' });
  watchPool(pool.$client);
  const keyring = createKeyring(parseKey(generateKey()));
  const publishing = createPublishingServices({ config, providers: allProviders });
  const llm = createLlmServices({
    config,
    db: pool,
    keyring,
    onBudgetAlert: (alert) => notifyBudgetAlert({ db: pool }, alert),
  });
  const built = await buildApp({
    config,
    db: pool,
    auth: createAuth({ config, db: pool, keyring }),
    keyring,
    publishing,
    llm,
  });
  await built.ready();
  return { app: built, db: pool };
}

/** An owner signed up and in through the real auth routes, and their workspace, created through the API. */
async function ownerAndWorkspace(
  server: FastifyInstance,
  client: pg.Client,
): Promise<{ token: string; workspaceId: string }> {
  const email = `owner-${Date.now()}@example.test`;
  const password = 'a-long-bench-password';
  const signUp = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-up/email',
    payload: { name: 'Agency Owner', email, password },
  });
  if (signUp.statusCode !== 200) throw new Error(`sign-up answered ${signUp.statusCode}: ${signUp.body}`);
  await client.query('UPDATE users SET email_verified = true WHERE email = $1', [email]);
  const signIn = await server.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in/email',
    payload: { email, password },
  });
  const token = signIn.headers['set-auth-token'];
  if (signIn.statusCode !== 200 || typeof token !== 'string') throw new Error(`sign-in answered ${signIn.statusCode}`);
  const created = await server.inject({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers: { authorization: `Bearer ${token}` },
    payload: { name: 'Biggest client', kind: 'brand', timezone: settings.timezone, locale: 'en' },
  });
  if (created.statusCode !== 201) throw new Error(`workspace creation answered ${created.statusCode}: ${created.body}`);
  return { token, workspaceId: created.json<{ id: string }>().id };
}

/** The last `days` days up to today on `timeZone`'s clock, as the range picker gives them. */
function lastDays(days: number, timeZone: string): { from: string; to: string } {
  const to = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  return { from: shiftDate(to, -(days - 1)), to };
}

async function measure(): Promise<Omit<AnalyticsFigures, 'loadAfter'>> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-analytics-'));
  log('starting embedded PostgreSQL and migrating…');
  postgres = await startEmbeddedPostgres({
    directory: path.join(dataDir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  await postgres.createDatabase('plume');
  const databaseUrl = postgres.url('plume');
  await runMigrations(databaseUrl);
  const started = await startApp(dataDir, databaseUrl);
  app = started.app;
  db = started.db;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let seeded;
  let owner;
  try {
    owner = await ownerAndWorkspace(app, client);
    log(`seeding ${seedSettings.snapshots.toLocaleString('en-US')} snapshot rows…`);
    seeded = await seedAnalytics(client, owner.workspaceId, seedSettings, log);
  } finally {
    await client.end();
  }
  log(`seeded in ${(seeded.seedMs / 1000).toFixed(0)} s: ${JSON.stringify(seeded)}`);
  baseline = createPool(databaseUrl, { poolSize: db.$client.options.max, applicationName: 'plume-bench-sql' });
  const target: PageTarget = {
    app,
    token: owner.token,
    workspaceId: owner.workspaceId,
    range: lastDays(settings.rangeDays, settings.timezone),
    baseline,
  };
  // Warm both sides once (plans, caches, the remembered session) before recording the statements.
  await measurePage(target, await captureStatements(target), { rounds: 0, warmUp: 2 });
  const statements = await captureStatements(target);
  log(`measuring ${settings.rounds} rounds…`);
  const samples = await measurePage(target, statements, {
    rounds: settings.rounds,
    warmUp: settings.warmUp,
    onRound: (round) => {
      if (round % 50 === 0) log(`round ${round}`);
    },
  });
  return { seedSettings, settings, seeded, range: target.range, statements, samples };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let figures: Omit<AnalyticsFigures, 'loadAfter'>;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  const report = renderAnalyticsReport({ figures: { ...figures, loadAfter: os.loadavg() }, machine, date: startedAt });
  process.stdout.write(`\n${report.text}\n`);
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'analytics', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 3000)}`);
  process.exit(1);
});
