// `npm run bench:api`: starts Plume for real (`plume start`, embedded PostgreSQL), seeds a workspace
// with 10,000 audit events, and measures the audit-log list against a bare Fastify route in the same
// process doing the same work (bench/lib/bare-route.ts) and against GET /api/v1/health, in the same run;
// then the restart time to ready and the idle memory. Prints a table and updates docs/benchmarks.md.
import { freePort } from '@plume/testing/free-port';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, runLoad, runPaced, type LoadOptions, type Target } from './lib/load.ts';
import { killTree, rememberTree, spawnPlume, stopPlume, waitForReady, type PlumeProcess } from './lib/plume-process.ts';
import { cpuTicks, descendants, findListeningPid, pssKb, rssKb } from './lib/proc.ts';
import { embeddedDatabaseUrl, seed } from './lib/seed.ts';
import { expectSameAnswers } from './lib/same-answer.ts';
import { renderReport, type ApiFigures, type MeasuredRun, type ThroughputFigures } from './lib/api-report.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const settings = {
  auditEvents: 10_000,
  warmupS: 3,
  throughputS: 10,
  connections: 50,
  repeats: 3,
  rate: 500,
  rateS: 10,
  rateConnections: 10,
  pacedInstances: 10,
  idleS: 5,
  watchdogS: 300,
};

let current: PlumeProcess | null = null;
let dataDir: string | null = null;

async function cleanUp(): Promise<void> {
  if (current) {
    const plume = current;
    current = null;
    const pid = plume.child.pid === undefined ? null : findListeningPid(plume.child.pid, plumePort);
    if (!(await stopPlume(plume, pid, 15_000)))
      process.stderr.write('Plume did not stop on SIGTERM within 15 s; killed it.\n');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
}

let plumePort = 0;

/** /proc reports CPU time in USER_HZ ticks: 100 per second on Linux. */
const msPerTick = 10;

/** A load run, plus the CPU the Plume process and PostgreSQL spent per successful request meanwhile. */
async function measured(baseUrl: string, target: Target, options: LoadOptions): Promise<MeasuredRun> {
  const rootPid = current?.child.pid ?? -1;
  const plumePid = findListeningPid(rootPid, plumePort);
  const before = cpuTicks(rootPid);
  const result = await runLoad(baseUrl, target, options);
  let plumeTicks = 0;
  let postgresTicks = 0;
  for (const [pid, now] of cpuTicks(rootPid)) {
    const delta = now.ticks - (before.get(pid)?.ticks ?? 0);
    if (pid === plumePid) plumeTicks += delta;
    else if (now.comm === 'postgres') postgresTicks += delta;
  }
  const perRequest = (ticks: number) => (result.ok > 0 ? (ticks * msPerTick) / result.ok : Number.NaN);
  return { ...result, plumeCpuMs: perRequest(plumeTicks), postgresCpuMs: perRequest(postgresTicks) };
}

function throughputOf(runs: MeasuredRun[]): ThroughputFigures {
  const middle = (pick: (run: MeasuredRun) => number) => median(runs.map(pick));
  return {
    rps: middle((run) => run.rps),
    p50: middle((run) => run.p50),
    p95: middle((run) => run.p95),
    p99: middle((run) => run.p99),
    plumeCpuMs: middle((run) => run.plumeCpuMs),
    postgresCpuMs: middle((run) => run.postgresCpuMs),
    runs,
  };
}

async function measure(): Promise<ApiFigures> {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plume-bench-'));
  plumePort = await freePort();
  const ports = new Set([plumePort]);
  const otherPort = async () => {
    let port = await freePort();
    while (ports.has(port)) port = await freePort();
    ports.add(port);
    return port;
  };
  const pgPort = await otherPort();
  const barePort = await otherPort();
  const baseUrl = `http://127.0.0.1:${plumePort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  // TRUST_PROXY lets the load generator present many client addresses to the per-IP rate limit (see lib/load.ts).
  const plumeOptions = { root, dataDir, port: plumePort, pgPort, env: { TRUST_PROXY: 'true' } };

  log(
    'starting Plume with the bare baseline route in its process (first start initialises the embedded PostgreSQL cluster)…',
  );
  current = spawnPlume({
    ...plumeOptions,
    env: { ...plumeOptions.env, BENCH_BARE_PORT: String(barePort) },
    preload: ['./bench/lib/bare-route.ts'],
    logLevel: 'warn',
  });
  const firstReady = await waitForReady(current, baseUrl, 90_000);
  rememberTree(current);
  const firstStartMs = firstReady - current.spawnedAt;

  log('seeding a user, a workspace and audit events…');
  const seeded = await seed(baseUrl, await embeddedDatabaseUrl(dataDir, pgPort), settings.auditEvents);
  const auth = { authorization: `Bearer ${seeded.token}` };
  const query = `${seeded.workspaceId}/audit-log?limit=50`;
  const loads = {
    health: { url: baseUrl, target: { path: '/api/v1/health', headers: {} } },
    barePage: { url: bareUrl, target: { path: `/bare-page/workspaces/${query}`, headers: {} } },
    bare: { url: bareUrl, target: { path: `/bare/workspaces/${query}`, headers: auth } },
    list: { url: baseUrl, target: { path: `/api/v1/workspaces/${query}`, headers: auth } },
  } satisfies Record<string, { url: string; target: Target }>;
  const list = loads.list.target;
  await expectSameAnswers(loads.list, [loads.bare, loads.barePage]);

  log('warming up…');
  const names = Object.keys(loads) as Array<keyof typeof loads>;
  for (const name of names)
    await runLoad(loads[name].url, loads[name].target, {
      connections: settings.connections,
      durationS: settings.warmupS,
    });

  const runs = { health: [], barePage: [], bare: [], list: [] } as Record<keyof typeof loads, MeasuredRun[]>;
  for (let round = 1; round <= settings.repeats; round += 1) {
    log(
      `throughput round ${round}/${settings.repeats} (${settings.throughputS} s each, ${settings.connections} connections)…`,
    );
    // Each round starts with another target, so drift on the shared machine does not always favour the same one.
    const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of order)
      runs[name].push(
        await measured(loads[name].url, loads[name].target, {
          connections: settings.connections,
          durationS: settings.throughputS,
        }),
      );
  }

  log(`fixed rate: ${settings.rate} requests/s on the audit log…`);
  const atRate = await runLoad(baseUrl, list, {
    connections: settings.rateConnections,
    durationS: settings.rateS,
    overallRate: settings.rate,
  });
  const paced = await runPaced(baseUrl, list, settings.rate, settings.pacedInstances, settings.rateS);

  log('restarting Plume (cluster already initialised)…');
  const running = current;
  const gracefulStop = await stopPlume(running, findListeningPid(running.child.pid ?? -1, plumePort), 20_000);
  current = spawnPlume({ ...plumeOptions, logLevel: 'info' });
  const restartReady = await waitForReady(current, baseUrl, 30_000);
  const restartMs = restartReady - current.spawnedAt;
  for (let i = 0; i < 20 && current.readyInMs() === null; i += 1) await sleep(50);
  rememberTree(current);

  log(`idle ${settings.idleS} s, then reading memory…`);
  await sleep(settings.idleS * 1000);
  const rootPid = current.child.pid ?? -1;
  const plumePid = findListeningPid(rootPid, plumePort);
  const tree = descendants(rootPid);
  const postgres = tree.filter((info) => info.comm === 'postgres');
  const postgresRssKb = postgres.reduce((sum, info) => sum + (rssKb(info.pid) ?? 0), 0);
  const postgresPssKb = postgres.reduce((sum, info) => sum + (pssKb(info.pid) ?? 0), 0);

  return {
    settings,
    seeded: { auditEvents: seeded.auditEvents },
    health: throughputOf(runs.health),
    barePage: throughputOf(runs.barePage),
    bare: throughputOf(runs.bare),
    list: throughputOf(runs.list),
    atRate,
    paced,
    firstStartMs,
    gracefulStop,
    restartMs,
    readyInMs: current.readyInMs(),
    plumeRssKb: plumePid === null ? null : rssKb(plumePid),
    postgresRssKb,
    postgresPssKb,
    postgresProcesses: postgres.length,
  };
}

function log(message: string): void {
  process.stderr.write(`[bench:api] ${message}\n`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench:api] gave up after ${settings.watchdogS} s\n`);
    if (current) killTree(current);
    void (dataDir ? rm(dataDir, { recursive: true, force: true }) : Promise.resolve()).finally(() => process.exit(2));
  }, settings.watchdogS * 1000);
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let figures: ApiFigures;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  clearTimeout(watchdog);
  const report = renderReport({ figures, machine, date: startedAt, command: 'npm run bench:api' });
  process.stdout.write(`\n${report.text}\n`);
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'api', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:api] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
