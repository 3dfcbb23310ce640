// `npm run bench:plan`: plan and draft one month for a workspace with three networks (LinkedIn, X,
// Bluesky) at five posts a week each, against the fake model that counts calls and prompt tokens. Plume's
// way (the Content agent: a briefs call per week, a draft per brief through the content studio, then each
// week placed) and a naive planner (one call per post carrying the whole brand profile, strategy,
// template and the account's last 100 posts with metrics) in the same run, on the same fake. Reports calls
// and prompt tokens per finished post, their ratio, Plume's wall time without the model's time, and the
// plan checks' verdicts on the month; updates docs/benchmarks.md. `--no-write` leaves the docs alone.
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runNaivePlanner } from './lib/plan-naive.ts';
import { runPlume } from './lib/plan-plume.ts';
import { renderPlanReport } from './lib/plan-report.ts';
import { ledgerBetween } from './lib/plan-ledger.ts';
import { profiled } from './lib/plan-profile.ts';
import { startCounting, stopCounting, watchSql } from './lib/plan-sql.ts';
import { startPlanWorld, ZONE, type WorldHandle } from './lib/plan-setup.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const settings = {
  /** The fake model's time per call (before its first byte), subtracted from the wall time. */
  latencyMs: Number(process.env['BENCH_LATENCY_MS'] ?? 100) || 100,
  historyPerAccount: Number(process.env['BENCH_HISTORY'] ?? 300) || 300,
  seed: 20261207,
  watchdogS: 600,
};

let handle: WorldHandle | null = null;

function log(message: string): void {
  process.stderr.write(`[bench:plan] ${message}\n`);
}

async function cleanUp(): Promise<void> {
  const running = handle;
  handle = null;
  if (running) await running.close();
}

const todayIn = (zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

async function measure() {
  watchSql();
  handle = await startPlanWorld(settings, log);
  const world = handle.world;
  if (world === null) throw new Error('the world did not start');
  log(`Plume's way: the Content agent for ${world.month}, then placing each week…`);
  world.model.setPhase('plume');
  startCounting();
  const plumeFrom = new Date();
  const cpuFrom = process.cpuUsage();
  const plume = await profiled(process.env['BENCH_PROFILE'], () => runPlume(world));
  const cpu = process.cpuUsage(cpuFrom);
  const sql = stopCounting();
  const ledger = await ledgerBetween(world.db, world.workspaceId, plumeFrom, new Date());
  log(`CPU of this process during Plume's way: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  log(`SQL during Plume's way: ${sql.statements} statements, ${sql.ms.toFixed(0)} ms waiting; the most waited for:`);
  for (const kind of sql.kinds.slice(0, 12)) log(`  ${kind.count} × ${kind.ms.toFixed(0)} ms  ${kind.statement}`);
  log(`Plume: ${plume.finished} finished posts, ${JSON.stringify(world.model.counts.plume)}`);
  log('the naive planner: one call per post with everything…');
  world.model.setPhase('naive');
  const from = performance.now();
  const naive = await runNaivePlanner(world, todayIn(ZONE));
  const naiveMs = performance.now() - from;
  world.model.setPhase('setup');
  log(`naive: ${naive.length} posts, ${JSON.stringify(world.model.counts.naive)}`);
  return {
    plume,
    sql,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ledger,
    naive: { posts: naive.length, wallMs: naiveMs },
    counts: world.model.counts,
    latencyMs: settings.latencyMs,
    historyPosts: world.historyPosts,
    month: world.month,
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const machine = describeMachine();
  const watchdog = setTimeout(() => {
    log(`gave up: the benchmark ran longer than ${settings.watchdogS} s`);
    void cleanUp().finally(() => process.exit(2));
  }, settings.watchdogS * 1000);
  const interrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let figures: Awaited<ReturnType<typeof measure>>;
  try {
    figures = await measure();
  } finally {
    await cleanUp();
  }
  clearTimeout(watchdog);
  const report = renderPlanReport({ ...figures, machine, loadAfter: os.loadavg(), date: startedAt });
  process.stdout.write(`\n${report.text}\n`);
  if (process.argv.includes('--no-write')) return log('--no-write: docs/benchmarks.md left as it was');
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'plan', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
