// `npm run bench:publish`: 10,000 post targets across an agency's 500 accounts (Mastodon accounts on
// 10 servers with their own loopback addresses, Bluesky and X), all due at one instant, published by a
// real `plume worker` process against the fakes answering after 20 ms. Measures lateness (a fake's
// receive time minus the due time), time until all are published, throughput, CPU and memory,
// duplicates, and a baseline in the same run: the same publish requests sent raw to the same fakes,
// each host with its `publishConcurrency` in flight. Prints a table and updates docs/benchmarks.md.
// Options for iterating: `--engine-only` (no baseline rounds; docs/benchmarks.md left alone), `--cpu-prof`
// (the worker writes a V8 CPU profile, its path printed at the end), `--targets N` (fewer targets).
import { freePort } from '@plume/testing/free-port';
import { generateKey } from '@plume/core/secrets/keyring';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@plume/db/embedded-postgres';
import { runMigrations } from '@plume/db/migrate';
import { blueskyManifest } from '@plume/networks/bluesky/manifest';
import { mastodonManifest } from '@plume/networks/mastodon/manifest';
import { xManifest } from '@plume/networks/x/manifest';
import { sql } from 'drizzle-orm';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, percentile } from './lib/load.ts';
import { cpuTicks, descendants, peakRssKb, pssKb, rssKb } from './lib/proc.ts';
import { scheduleBatch, seedBatch } from './lib/publish-seed.ts';
import { sendRawPosts, type RawHost, type RawRun } from './lib/raw-posts.ts';
import {
  agencyAccounts,
  agencyEnv,
  closeAgency,
  MASTODON_SERVERS,
  publishCalls,
  rawPublishRequest,
  servers,
  startAgency,
  type Agency,
  type AgencyAccount,
} from './lib/agency-fakes.ts';
import {
  renderPublishReport,
  type CallFigures,
  type PublishFigures,
  type ResourceFigures,
} from './lib/publish-report.ts';
import { spawnWorker, stopWorker, type WorkerProcess } from './lib/worker-process.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
};
const flags = {
  engineOnly: process.argv.includes('--engine-only'),
  cpuProf: process.argv.includes('--cpu-prof'),
  targets: Number(argument('--targets') ?? 10_000),
};
const settings = {
  accounts: 500,
  /**
   * The agency: most accounts on Mastodon servers, the rest on Bluesky and X. Each host gets about as
   * many targets (840 per Mastodon server, 800 on the Bluesky PDS and on X): with 60 Bluesky accounts
   * the PDS alone got 1,200 targets, 6 s through its 4 slots, and no client could reach p99 < 5 s.
   */
  mix: { mastodon: 420, bluesky: 40, x: 40 },
  targets: flags.targets,
  answerDelayMs: 20,
  /**
   * Jobs one worker runs at once. The default (16) caps the calls in flight below what the hosts allow
   * (4 per host, 12 hosts): an agency's worker raises it, and so does the bench (docs/configuration.md).
   */
  workerConcurrency: 64,
  /**
   * The due instant is this long after the jobs are queued, so queueing never counts as lateness, and
   * longer than the worker's look-ahead (PUBLISH_LOOKAHEAD_SECONDS), as for posts scheduled ahead of time.
   */
  leadMs: 40_000,
  lookaheadS: 30,
  settleTimeoutS: 180,
  /** One round before the engine run and one after, so drift in the machine's load shows. */
  baselineRounds: flags.engineOnly ? 0 : 2,
  watchdogS: 300,
};

let worker: WorkerProcess | null = null;
let postgres: EmbeddedPostgresHandle | null = null;
let agency: Agency | null = null;
let db: Database | null = null;
let dataDir: string | null = null;
const profileDir = path.join(os.tmpdir(), 'plume-bench-publish-profiles');

async function cleanUp(): Promise<void> {
  if (worker) {
    const running = worker;
    worker = null;
    if (!(await stopWorker(running, 10_000))) log('the worker did not stop within 10 s of SIGTERM; killed it.');
  }
  if (db) await closeDatabase(db).catch(() => undefined);
  db = null;
  if (agency) await closeAgency(agency);
  agency = null;
  if (postgres)
    await postgres.stop().catch((error: unknown) => log(`PostgreSQL did not stop cleanly: ${String(error)}`));
  postgres = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
}

/** /proc reports CPU time in USER_HZ ticks: 100 per second on Linux. */
const msPerTick = 10;

function postgresPids(): number[] {
  return descendants(process.pid)
    .filter((info) => info.comm === 'postgres')
    .map((info) => info.pid);
}

/** CPU ms of the worker process and of PostgreSQL since `before` (ticks keyed by pid). */
function cpuSince(
  before: Map<number, { comm: string; ticks: number }>,
  workerPid: number,
): { workerMs: number; postgresMs: number } {
  let workerMs = 0;
  let postgresMs = 0;
  for (const [pid, now] of cpuTicks(process.pid)) {
    const delta = (now.ticks - (before.get(pid)?.ticks ?? 0)) * msPerTick;
    if (pid === workerPid) workerMs += delta;
    else if (now.comm === 'postgres') postgresMs += delta;
  }
  return { workerMs, postgresMs };
}

async function waitForHeartbeat(database: Database, running: WorkerProcess): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (running.hasExited()) throw new Error(`plume worker exited at start:\n${running.outputTail()}`);
    const beats = await database.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM worker_heartbeats`);
    if ((beats.rows[0]?.n ?? 0) > 0) return;
    await sleep(100);
  }
  throw new Error(`plume worker wrote no heartbeat within 60 s:\n${running.outputTail()}`);
}

type Watch = { settledAt: number; postgresPeakPssKb: number };

/** Polls until every target is settled, sampling PostgreSQL's memory meanwhile. */
async function watchUntilSettled(database: Database, running: WorkerProcess): Promise<Watch> {
  const deadline = performance.now() + settings.settleTimeoutS * 1000;
  let postgresPeakPssKb = 0;
  let lastSample = 0;
  while (performance.now() < deadline) {
    if (running.hasExited()) throw new Error(`plume worker exited while publishing:\n${running.outputTail()}`);
    const settled = await database.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM post_targets WHERE state IN ('published', 'failed', 'unconfirmed')`,
    );
    if (performance.now() - lastSample > 1000) {
      lastSample = performance.now();
      postgresPeakPssKb = Math.max(
        postgresPeakPssKb,
        postgresPids().reduce((sum, pid) => sum + (pssKb(pid) ?? 0), 0),
      );
    }
    if ((settled.rows[0]?.n ?? 0) >= settings.targets) return { settledAt: Date.now(), postgresPeakPssKb };
    // Every poll counts the targets (a scan PostgreSQL pays for, ~7 ms under load): twice a second is enough.
    await sleep(500);
  }
  // Reported as it stands (the unsettled targets show in the states and the figures miss their targets).
  log(`not every target settled within ${settings.settleTimeoutS} s; reporting what was done`);
  return { settledAt: Date.now(), postgresPeakPssKb };
}

/** What the fakes saw of the engine's calls: first receive time per target (by its unique text), duplicates. */
function callFigures(fakes: Agency, textOf: ReadonlyMap<string, string>, due: number): CallFigures {
  const firstCall = new Map<string, number>();
  let calls = 0;
  let duplicates = 0;
  for (const call of publishCalls(fakes)) {
    const targetId = textOf.get(call.text);
    if (targetId === undefined) continue;
    calls += 1;
    if (firstCall.has(targetId)) duplicates += 1;
    else firstCall.set(targetId, call.receivedAt);
  }
  const lateness = [...firstCall.values()].map((at) => at - due).sort((a, b) => a - b);
  return {
    calls,
    duplicates,
    missing: textOf.size - lateness.length,
    p50: percentile(lateness, 50),
    p99: percentile(lateness, 99),
    first: lateness[0] ?? Number.NaN,
    last: lateness.at(-1) ?? Number.NaN,
  };
}

async function runEngine(
  database: Database,
  fakes: Agency,
  accounts: readonly AgencyAccount[],
  databaseUrl: string,
  secretKey: string,
): Promise<Omit<PublishFigures, 'baseline' | 'settings'>> {
  log(`seeding ${accounts.length} accounts and ${settings.targets.toLocaleString('en-US')} scheduled targets…`);
  const seeded = await seedBatch(database, { secretKey, accounts, targets: settings.targets });

  log(`starting plume worker (WORKER_CONCURRENCY=${settings.workerConcurrency})…`);
  const running = spawnWorker({
    root,
    dataDir: dataDir ?? '',
    databaseUrl,
    secretKey,
    env: {
      WORKER_CONCURRENCY: String(settings.workerConcurrency),
      PUBLISH_LOOKAHEAD_SECONDS: String(settings.lookaheadS),
      ...agencyEnv(fakes),
    },
    ...(flags.cpuProf ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
  });
  worker = running;
  await waitForHeartbeat(database, running);
  const workerIdleRssKb = rssKb(running.pid);

  const due = Date.now() + settings.leadMs;
  await scheduleBatch(database, seeded, new Date(due));
  const queuedBeforeDueMs = due - Date.now();
  if (queuedBeforeDueMs < 0)
    throw new Error(`queueing the jobs took longer than the ${settings.leadMs} ms lead; raise settings.leadMs`);
  log(`all jobs queued ${queuedBeforeDueMs} ms before the due instant; waiting…`);
  // From here the worker holds and prepares the targets (the dispatcher's look-ahead): that CPU counts too.
  const cpuQueued = cpuTicks(process.pid);
  await sleep(queuedBeforeDueMs);
  const beforeDue = cpuSince(cpuQueued, running.pid);
  const cpuBefore = cpuTicks(process.pid);
  const benchCpuBefore = process.cpuUsage();
  const watch = await watchUntilSettled(database, running);
  const cpu = cpuSince(cpuBefore, running.pid);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const resources: ResourceFigures = {
    intervalMs: watch.settledAt - due,
    workerCpuMs: cpu.workerMs,
    postgresCpuMs: cpu.postgresMs,
    beforeDue: { ...beforeDue, intervalMs: queuedBeforeDueMs },
    benchCpuMs: (benchCpu.user + benchCpu.system) / 1000,
    workerIdleRssKb,
    workerPeakRssKb: peakRssKb(running.pid),
    postgresPeakPssKb: watch.postgresPeakPssKb,
    postgresProcesses: postgresPids().length,
  };

  const states = await database.execute<{ state: string; n: number }>(
    sql`SELECT state, count(*)::int AS n FROM post_targets GROUP BY state`,
  );
  const published = await database.execute<{ last: Date | null }>(
    sql`SELECT max(published_at) AS last FROM post_targets`,
  );
  const last = published.rows[0]?.last;
  // Fired by the dispatcher (claimed and started in one statement) or by a job (claimed first, started later).
  const paths = await database.execute<{ dispatched: number; attempts: number }>(
    sql`SELECT count(*) FILTER (WHERE started_at = call_started_at)::int AS dispatched, count(*)::int AS attempts FROM publish_attempts`,
  );
  log(`attempts: ${paths.rows[0]?.attempts ?? 0}, fired by the dispatcher: ${paths.rows[0]?.dispatched ?? 0}`);
  worker = null;
  if (!(await stopWorker(running, 15_000))) log('the worker did not stop within 15 s of SIGTERM; killed it.');
  const publishedCount = states.rows.find((row) => row.state === 'published')?.n ?? 0;
  const allPublishedMs = last ? new Date(last).getTime() - due : Number.NaN;
  return {
    states: Object.fromEntries(states.rows.map((row) => [row.state, row.n])),
    calls: callFigures(fakes, seeded.textOf, due),
    allPublishedMs,
    postsPerS: (publishedCount / allPublishedMs) * 1000,
    resources,
    queuedBeforeDueMs,
  };
}

/** Calls in flight at most across the hosts: each host's `publishConcurrency`, capped by the worker's jobs. */
function networkConcurrency(): number {
  const hosts =
    MASTODON_SERVERS * mastodonManifest.publishConcurrency +
    blueskyManifest.publishConcurrency +
    xManifest.publishConcurrency;
  return Math.min(settings.workerConcurrency, hosts);
}

/** The same publish requests as the engine's, raw, grouped by host with that host's concurrency. */
async function runBaseline(accounts: readonly AgencyAccount[], round: number): Promise<RawRun> {
  const byHost = new Map<string, RawHost>();
  for (let index = 0; index < settings.targets; index += 1) {
    const account = accounts[index % accounts.length];
    if (account === undefined) continue;
    const concurrency = { mastodon: mastodonManifest, bluesky: blueskyManifest, x: xManifest }[account.network]
      .publishConcurrency;
    const host = byHost.get(account.server.url) ?? { requests: [], concurrency };
    host.requests.push(rawPublishRequest(account, `Baseline ${round} post ${index}`));
    byHost.set(account.server.url, host);
  }
  log(
    `baseline round ${round}/${settings.baselineRounds}: ${settings.targets.toLocaleString('en-US')} raw publish requests to ${byHost.size} hosts…`,
  );
  return sendRawPosts([...byHost.values()]);
}

async function measure(): Promise<PublishFigures> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-publish-'));
  const pgPort = await freePort();
  log('starting embedded PostgreSQL (as `plume start` does) and migrating…');
  postgres = await startEmbeddedPostgres({ directory: path.join(dataDir, 'postgres'), port: pgPort, ephemeral: true });
  await postgres.createDatabase('plume');
  const databaseUrl = postgres.url('plume');
  await runMigrations(databaseUrl);
  db = createDatabase(databaseUrl, { poolSize: 4, applicationName: 'plume-bench' });
  agency = await startAgency(settings.answerDelayMs);
  const accounts = await agencyAccounts(agency, settings.mix);
  const runs = settings.baselineRounds > 0 ? [await runBaseline(accounts, 1)] : [];
  const engine = await runEngine(db, agency, accounts, databaseUrl, generateKey());
  const r = engine.resources;
  log(
    `engine: all published ${engine.allPublishedMs} ms after due; lateness p50 ${engine.calls.p50} ms, p99 ${engine.calls.p99} ms; ${Math.round(engine.postsPerS)} posts/s; ${JSON.stringify(engine.states)}; duplicates ${engine.calls.duplicates}, missing ${engine.calls.missing}`,
  );
  log(
    `CPU before due (holding, preparing): worker ${r.beforeDue.workerMs} ms, PostgreSQL ${r.beforeDue.postgresMs} ms; due→settled: worker ${r.workerCpuMs} ms, PostgreSQL ${r.postgresCpuMs} ms, bench ${Math.round(r.benchCpuMs)} ms; per target ${((r.beforeDue.workerMs + r.beforeDue.postgresMs + r.workerCpuMs + r.postgresCpuMs) / settings.targets).toFixed(2)} ms; load ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')}`,
  );
  if (settings.baselineRounds > 1) runs.push(await runBaseline(accounts, 2));
  return {
    settings: {
      ...settings,
      networkConcurrency: networkConcurrency(),
      hosts: servers(agency).length,
      hostLimit: mastodonManifest.publishConcurrency,
    },
    ...engine,
    baseline: { runs, ms: median(runs.map((run) => run.ms)), postsPerS: median(runs.map((run) => run.postsPerS)) },
  };
}

function log(message: string): void {
  process.stderr.write(`[bench:publish] ${message}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const watchdog = setTimeout(() => {
    log(
      `gave up: the benchmark ran longer than ${settings.watchdogS} s (is the machine overloaded, or is publishing stuck?)`,
    );
    void cleanUp().finally(() => process.exit(2));
  }, settings.watchdogS * 1000);
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let figures: PublishFigures;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  clearTimeout(watchdog);
  const report = renderPublishReport({
    figures,
    machine,
    loadAfter: os.loadavg(),
    date: startedAt,
    command: 'npm run bench:publish',
  });
  process.stdout.write(`\n${report.text}\n`);
  if (flags.cpuProf) log(`the worker's CPU profile is in ${profileDir}`);
  if (flags.engineOnly || settings.targets !== 10_000)
    return log('a partial run (--engine-only or --targets): docs/benchmarks.md left as it was');
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'publish', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
