// `npm run bench:inbox-ingest`: INBOX_BENCH_ITEMS new inbox items (default 100,000) across
// INBOX_BENCH_ACCOUNTS accounts (default 500: 60 % Mastodon on several servers, 20 % Bluesky, 20 % X),
// read and stored by a real `plume worker` process from the fakes. In the middle the worker is SIGKILLed,
// its jobs unlocked (what the publishing sweep does for a worker whose heartbeat stopped) and a new
// worker finishes. Measures the wall time and CPU per item (both workers and PostgreSQL), counts stored
// rows against the seeded items (lost) and repeated (account, remote id) pairs (duplicates), and a raw
// HTTP baseline in the same run: every GET the fakes received, sent again with plain fetch, 2 per host.
// Writes docs/benchmarks.md between its markers (INBOX_BENCH_WRITE=0 leaves it alone).
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
import { cpuTicks } from './lib/proc.ts';
import {
  closeInboxFakes,
  inboxAccounts,
  inboxFakesEnv,
  inboxMix,
  inboxServers,
  seedInboxFeeds,
  startInboxFakes,
  type InboxFakes,
} from './lib/inbox-fakes.ts';
import { renderInboxReport, type InboxFigures } from './lib/inbox-report.ts';
import { queueReads, replayGets, seedInboxAccounts } from './lib/inbox-seed.ts';
import { spawnWorker, stopWorker, type WorkerProcess } from './lib/worker-process.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
};
const accounts = envNumber('INBOX_BENCH_ACCOUNTS', 500);
const settings = {
  accounts,
  perAccount: Math.ceil(envNumber('INBOX_BENCH_ITEMS', 100_000) / accounts),
  mastodonServers: 8,
  answerDelayMs: envNumber('INBOX_BENCH_DELAY_MS', 1),
  workerConcurrency: 32,
  /** The worker is killed once this share of the items is stored. */
  killAt: 0.5,
  /** Plume's limiter: at most 2 inbox calls at once per host in a process (docs/inbox.md). */
  perHost: 2,
  timeoutS: envNumber('INBOX_BENCH_TIMEOUT_S', 1500),
  write: process.env['INBOX_BENCH_WRITE'] !== '0',
};

let worker: WorkerProcess | null = null;
let postgres: EmbeddedPostgresHandle | null = null;
let fakes: InboxFakes | null = null;
let db: Database | null = null;
let dataDir: string | null = null;

async function cleanUp(): Promise<void> {
  if (worker) {
    const running = worker;
    worker = null;
    await stopWorker(running, 10_000);
  }
  if (db) await closeDatabase(db).catch(() => undefined);
  db = null;
  if (fakes) await closeInboxFakes(fakes);
  fakes = null;
  if (postgres) await postgres.stop().catch((error: unknown) => log(`PostgreSQL did not stop: ${String(error)}`));
  postgres = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
}

/** /proc counts CPU in USER_HZ ticks: 100 per second on Linux. */
const msPerTick = 10;
type Ticks = Map<number, { comm: string; ticks: number }>;

function cpuSince(before: Ticks, now: Ticks, workerPid: number): { workerMs: number; postgresMs: number } {
  let workerMs = 0;
  let postgresMs = 0;
  for (const [pid, sample] of now) {
    const delta = (sample.ticks - (before.get(pid)?.ticks ?? 0)) * msPerTick;
    if (pid === workerPid) workerMs += delta;
    else if (sample.comm === 'postgres') postgresMs += delta;
  }
  return { workerMs, postgresMs };
}

async function count(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  return (await database.execute<{ n: number }>(query)).rows[0]?.n ?? 0;
}
const storedItems = (database: Database) => count(database, sql`SELECT count(*)::int AS n FROM inbox_items`);
const pendingReads = (database: Database) =>
  count(database, sql`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'read_inbox'`);

async function waitForHeartbeat(database: Database, running: WorkerProcess): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (running.hasExited()) throw new Error(`plume worker exited at start:\n${running.outputTail()}`);
    if ((await count(database, sql`SELECT count(*)::int AS n FROM worker_heartbeats`)) > 0) return;
    await sleep(100);
  }
  throw new Error(`plume worker wrote no heartbeat within 60 s:\n${running.outputTail()}`);
}

/** Polls until `done` says so (twice a second), failing if the worker exits or time runs out. */
async function waitUntil(running: WorkerProcess, done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = performance.now() + settings.timeoutS * 1000;
  while (performance.now() < deadline) {
    if (running.hasExited()) throw new Error(`plume worker exited while ${what}:\n${running.outputTail()}`);
    if (await done()) return;
    await sleep(500);
  }
  throw new Error(`gave up waiting (${settings.timeoutS} s) while ${what}:\n${running.outputTail()}`);
}

function startWorker(databaseUrl: string, secretKey: string, network: InboxFakes): WorkerProcess {
  const running = spawnWorker({
    root,
    dataDir: dataDir ?? '',
    databaseUrl,
    secretKey,
    env: { WORKER_CONCURRENCY: String(settings.workerConcurrency), ...inboxFakesEnv(network) },
  });
  worker = running;
  return running;
}

async function runEngine(
  database: Database,
  network: InboxFakes,
  databaseUrl: string,
  secretKey: string,
): Promise<Omit<InboxFigures, 'baseline' | 'settings' | 'seeded'>> {
  const first = startWorker(databaseUrl, secretKey, network);
  await waitForHeartbeat(database, first);
  const expected = settings.accounts * settings.perAccount;
  const before = cpuTicks(process.pid);
  const startedAt = performance.now();
  log(`queued ${await queueReads(database)} read_inbox jobs; reading until ${settings.killAt * 100} % is stored…`);
  await waitUntil(first, async () => (await storedItems(database)) >= expected * settings.killAt, 'reading');
  const atKill = cpuTicks(process.pid);
  first.child.kill('SIGKILL');
  await first.exited;
  worker = null;
  const storedAtKill = await storedItems(database);
  const killedAtMs = performance.now() - startedAt;
  log(`SIGKILLed the worker at ${storedAtKill} stored items (${Math.round(killedAtMs)} ms); restarting…`);
  // What the publishing sweep does once a worker's heartbeat is stale (WORKER_STALE_SECONDS): unlock its jobs.
  await database.execute(sql`SELECT graphile_worker.force_unlock_workers(ARRAY(
    SELECT DISTINCT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL))`);
  await database.execute(sql`DELETE FROM worker_heartbeats`);
  const second = startWorker(databaseUrl, secretKey, network);
  await waitForHeartbeat(database, second);
  const restartMs = performance.now() - startedAt - killedAtMs;
  const atRestart = cpuTicks(process.pid);
  await waitUntil(second, async () => (await pendingReads(database)) === 0, 'finishing after the restart');
  const allMs = performance.now() - startedAt;
  const end = cpuTicks(process.pid);
  const firstCpu = cpuSince(before, atKill, first.pid);
  const secondCpu = cpuSince(atRestart, end, second.pid);
  worker = null;
  await stopWorker(second, 15_000);
  const stored = await storedItems(database);
  const duplicates = await count(
    database,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM inbox_items GROUP BY account_id, remote_id HAVING count(*) > 1) d`,
  );
  const errors = await database.execute<{ last_error: string; n: number }>(
    sql`SELECT last_error, count(*)::int AS n FROM inbox_cursors WHERE last_error IS NOT NULL GROUP BY last_error`,
  );
  for (const row of errors.rows) log(`cursor error on ${row.n} accounts: ${row.last_error}`);
  return {
    stored,
    duplicates,
    lost: Math.max(0, expected - stored),
    storedAtKill,
    killedAtMs,
    restartMs,
    allMs,
    workerCpuMs: firstCpu.workerMs + secondCpu.workerMs,
    postgresCpuMs: firstCpu.postgresMs + secondCpu.postgresMs,
    accountsWithErrors: errors.rows.reduce((sum, row) => sum + row.n, 0),
  };
}

async function measure(): Promise<InboxFigures> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-inbox-'));
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
  fakes = await startInboxFakes(settings.mastodonServers);
  const mix = inboxMix(settings.accounts);
  const accountsList = await inboxAccounts(fakes, mix, settings.answerDelayMs);
  seedInboxFeeds(fakes, settings.perAccount);
  const secretKey = generateKey();
  await seedInboxAccounts(db, { secretKey, accounts: accountsList });
  const seeded = settings.accounts * settings.perAccount;
  log(`${settings.accounts} accounts (${JSON.stringify(mix)}), ${seeded.toLocaleString('en-US')} items to read`);
  const engine = await runEngine(db, fakes, databaseUrl, secretKey);
  log(
    `engine: ${engine.stored} stored of ${seeded} in ${Math.round(engine.allMs)} ms; duplicates ${engine.duplicates}, lost ${engine.lost}`,
  );
  const baseline = await replayGets(inboxServers(fakes), settings.perHost);
  log(`baseline: ${baseline.requests} GETs in ${Math.round(baseline.ms)} ms (${baseline.failed} failed)`);
  return { settings: { ...settings, mix }, seeded, ...engine, baseline };
}

function log(message: string): void {
  process.stderr.write(`[bench:inbox-ingest] ${message}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let figures: InboxFigures;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  const report = renderInboxReport({ figures, machine, loadAfter: os.loadavg(), date: startedAt });
  process.stdout.write(`\n${report.text}\n`);
  if (!settings.write) return log('INBOX_BENCH_WRITE=0: docs/benchmarks.md left as it was');
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'inbox-ingest', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void cleanUp().finally(() => process.exit(1));
});
