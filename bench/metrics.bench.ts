// `npm run bench:metrics`: 20,000 published posts across 1,000 accounts (Mastodon accounts on 10
// servers with their own loopback addresses, Bluesky and X), every first snapshot due within the same
// 15 minutes, collected by a real `plume worker` process (its collect_snapshots cron, every minute)
// against the fakes answering after 20 ms. Measures lateness of every snapshot, calls per snapshot,
// CPU per snapshot, and a baseline in the same run: the same metrics GETs (batch and single reads) sent raw to the same fakes at
// the collector's concurrency. Scale: BENCH_TARGETS, BENCH_ACCOUNTS, BENCH_WINDOW_MIN (defaults above).
import { freePort } from '@plume/testing/free-port';
import { generateKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { sql } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { agencyAccounts, agencyEnv, closeAgency, servers, startAgency, type Agency } from './lib/agency-fakes.ts';
import { allRequests, metricsCalls, replayCalls, resetRequests } from './lib/metrics-calls.ts';
import { renderMetricsReport, type MetricsFigures } from './lib/metrics-report.ts';
import { seedMeasuredPosts } from './lib/metrics-seed.ts';
import { cpuTicks } from './lib/proc.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';
import { spawnWorker, stopWorker, type WorkerProcess } from './lib/worker-process.ts';

const root = path.resolve(import.meta.dirname, '..');
const fromEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback;
const targets = fromEnv('BENCH_TARGETS', 20_000);
const accounts = fromEnv('BENCH_ACCOUNTS', 1000);
const settings = {
  targets,
  accounts,
  /** 80 % Mastodon over the 10 servers, 12 % Bluesky, 8 % X: the agency mix of bench:publish. */
  mix: { mastodon: Math.round(accounts * 0.8), bluesky: Math.round(accounts * 0.12), x: 0 },
  windowMin: fromEnv('BENCH_WINDOW_MIN', 15),
  answerDelayMs: 20,
  /** The collector reads one account's batch at a time per job: the baseline keeps one call in flight. */
  baselineConcurrency: 1,
  /** After the window, how long the snapshots still missing may take before the run is cut. */
  drainS: 180,
};
settings.mix.x = accounts - settings.mix.mastodon - settings.mix.bluesky;

let worker: WorkerProcess | null = null;
let postgres: EmbeddedPostgresHandle | null = null;
let agency: Agency | null = null;
let db: Database | null = null;
let dataDir: string | null = null;

async function cleanUp(): Promise<void> {
  if (worker) await stopWorker(worker, 10_000);
  worker = null;
  if (db) await closeDatabase(db).catch(() => undefined);
  db = null;
  if (agency) await closeAgency(agency);
  agency = null;
  if (postgres) await postgres.stop().catch(() => undefined);
  postgres = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
}

function log(message: string): void {
  process.stderr.write(`[bench:metrics] ${message}\n`);
}

/** CPU ms (10 ms ticks) of the worker and of PostgreSQL since `before`. */
function cpuSince(before: Map<number, { ticks: number }>, workerPid: number): { workerMs: number; postgresMs: number } {
  let workerMs = 0;
  let postgresMs = 0;
  for (const [pid, now] of cpuTicks(process.pid)) {
    const delta = (now.ticks - (before.get(pid)?.ticks ?? 0)) * 10;
    if (pid === workerPid) workerMs += delta;
    else if (now.comm === 'postgres') postgresMs += delta;
  }
  return { workerMs, postgresMs };
}

async function snapshotCount(database: Database): Promise<number> {
  const result = await database.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM post_metric_snapshots`);
  return result.rows[0]?.n ?? 0;
}

async function measure(): Promise<MetricsFigures> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-metrics-'));
  log('starting embedded PostgreSQL and migrating…');
  postgres = await startEmbeddedPostgres({
    directory: path.join(dataDir, 'postgres'),
    port: await freePort(),
    ephemeral: true,
  });
  await postgres.createDatabase('plume');
  const databaseUrl = postgres.url('plume');
  await runMigrations(databaseUrl);
  db = createDatabase(databaseUrl, { poolSize: 4, applicationName: 'plume-bench' });
  agency = await startAgency(0);
  const agencyList = await agencyAccounts(agency, settings.mix);
  // Mastodon 4.3+ reads up to 20 statuses a call (the provider checks the version it stored at connect).
  for (const account of agencyList) if (account.network === 'mastodon') account.metadata['version'] = '4.4.0';
  const secretKey = generateKey();
  // The window opens at the second minute boundary from now: seeding is done by then.
  const windowStart = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
  const windowMs = settings.windowMin * 60_000;
  log(`seeding ${settings.targets} measured posts over ${settings.accounts} accounts…`);
  await seedMeasuredPosts(db, {
    agency,
    secretKey,
    accounts: agencyList,
    targets: settings.targets,
    windowStart,
    windowMs,
  });
  resetRequests(agency);
  for (const server of servers(agency)) server.setDelay(settings.answerDelayMs);

  const running = spawnWorker({ root, dataDir, databaseUrl, secretKey, env: agencyEnv(agency) });
  worker = running;
  // CPU counts from the worker's first heartbeat: its start-up is not collecting.
  while ((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM worker_heartbeats`)).rows[0]?.n !== 1) {
    if (running.hasExited()) throw new Error(`plume worker exited at start:\n${running.outputTail()}`);
    await sleep(100);
  }
  const cpuBefore = cpuTicks(process.pid);
  log(`worker started; window ${windowStart.toISOString()} + ${settings.windowMin} min`);
  const end = windowStart.getTime() + windowMs + settings.drainS * 1000;
  while (Date.now() < end) {
    if (running.hasExited()) throw new Error(`plume worker exited:\n${running.outputTail()}`);
    const taken = await snapshotCount(db);
    if (taken >= settings.targets) break;
    await sleep(2000);
  }
  const cpu = cpuSince(cpuBefore, running.pid);
  worker = null;
  await stopWorker(running, 15_000);

  const lateness = await db.execute<{ ms: number; taken: Date | string }>(sql`
    SELECT extract(epoch FROM taken_at - due_at) * 1000 AS ms, taken_at AS taken FROM post_metric_snapshots`);
  const calls = metricsCalls(agency);
  const requests = allRequests(agency);
  for (const server of servers(agency)) server.setDelay(settings.answerDelayMs);
  log(`replaying the collector's ${calls.length} metrics GETs raw at concurrency ${settings.baselineConcurrency}…`);
  const baseline = await replayCalls(calls, settings.baselineConcurrency);
  return {
    settings,
    windowStart: windowStart.getTime(),
    windowMs,
    snapshots: lateness.rows.map((row) => ({ lateMs: Number(row.ms), takenAt: new Date(row.taken).getTime() })),
    calls,
    requests,
    cpu,
    baseline,
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let figures: MetricsFigures;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  const report = renderMetricsReport({ figures, machine, loadAfter: os.loadavg(), date: startedAt });
  process.stdout.write(`\n${report.text}\n`);
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'metrics', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 3000)}`);
  process.exit(1);
});
