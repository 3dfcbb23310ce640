// Turns the metrics benchmark's figures into the terminal table and the docs/benchmarks.md section.
import { percentile } from './load.ts';
import type { BaselineRun, RecordedCall } from './metrics-calls.ts';
import { markdownTable, textTable, type Machine } from './report.ts';

export type MetricsFigures = {
  settings: {
    targets: number;
    accounts: number;
    mix: { mastodon: number; bluesky: number; x: number };
    windowMin: number;
    answerDelayMs: number;
    baselineConcurrency: number;
    drainS: number;
  };
  windowStart: number;
  windowMs: number;
  /** Every snapshot written: taken_at − due_at, and taken_at (epoch ms). */
  snapshots: { lateMs: number; takenAt: number }[];
  calls: RecordedCall[];
  /** Every request the fakes received while the worker ran. */
  requests: number;
  cpu: { workerMs: number; postgresMs: number };
  baseline: BaselineRun;
};

/** Earlier runs, for comparison (figures as measured then). */
const HISTORY = [
  '**History.** Before claims took whole accounts (run of 2026-12-07 05:34 UTC, load average 6.25 at start), the collector',
  'claimed 500 posts at a time in due order and grouped them only within a claim: with 1,000 accounts dealt round-robin a claim',
  'rarely held two posts of one account. The fakes then received 19,820 requests for 20,000 snapshots (0.991 per snapshot):',
  "16,000 single Mastodon reads (`GET /api/v1/statuses/:id`; that run's script counted only batch routes and showed 0.191),",
  '2,220 Bluesky calls for 2,400 posts and 1,600 X calls for 1,600 posts; lateness p50 36.3 s, p99 112.2 s, max 159.8 s; CPU',
  '5.05 ms per snapshot. With a post every 45 s per account and a cron tick a minute, an account is now read when its',
  'earliest post falls due, together with those due in the next 90 s, and not again until its next post after that falls due.',
  'CPU figures of the two runs come from different machines (AMD EPYC then, Intel Xeon now, at load average 13 on 2 cores)',
  'and are not comparable one to one. Collector ÷ baseline fell from 69.5 % to 35.1 %: the old baseline left out the 16,000',
  "single reads, and each call now carries about 4 posts, so the collector's own work per call (claim, budget updates, one",
  'write and one alert query per call, all in PostgreSQL) weighs more against the 20 ms answer; not profiled further.',
].join('\n');

const count = (value: number) => value.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const met = (ok: boolean) => (ok ? 'yes' : '**no**');

/**
 * The time the collector was busy: the worker's cron starts a run at each minute boundary, so each
 * minute counts from its boundary to its last snapshot taken.
 */
function busyMs(snapshots: MetricsFigures['snapshots']): number {
  const lastOfMinute = new Map<number, number>();
  for (const { takenAt } of snapshots) {
    const minute = Math.floor(takenAt / 60_000);
    lastOfMinute.set(minute, Math.max(lastOfMinute.get(minute) ?? 0, takenAt));
  }
  return [...lastOfMinute].reduce((sum, [minute, last]) => sum + (last - minute * 60_000), 0);
}

export function renderMetricsReport(input: {
  figures: MetricsFigures;
  machine: Machine;
  loadAfter: number[];
  date: Date;
}): { text: string; markdown: string } {
  const { figures: f, machine } = input;
  const s = f.settings;
  const taken = f.snapshots.length;
  const windowEnd = f.windowStart + f.windowMs;
  const afterWindow = f.snapshots.filter((snapshot) => snapshot.takenAt > windowEnd).length;
  // The cron's last run for the window starts at its end: one minute is the collector's own granularity.
  const afterTick = f.snapshots.filter((snapshot) => snapshot.takenAt > windowEnd + 60_000).length;
  const lateness = f.snapshots.map((snapshot) => snapshot.lateMs).sort((a, b) => a - b);
  const early = lateness.filter((ms) => ms < 0);
  const perNetwork = (['mastodon', 'bluesky', 'x'] as const).map((network) => {
    const calls = f.calls.filter((call) => call.network === network);
    const ids = calls.reduce((sum, call) => sum + call.ids, 0);
    const singles = calls.filter((call) => call.single).length;
    return `${network} ${count(calls.length)} calls (${count(singles)} single reads) for ${count(ids)} posts: ${(ids / Math.max(1, calls.length)).toFixed(2)} posts a call, ${(calls.length / Math.max(1, ids)).toFixed(3)} calls per snapshot`;
  });
  const busy = busyMs(f.snapshots);
  const engineRate = (taken / busy) * 1000;
  const baselineRate = (f.baseline.ids / f.baseline.ms) * 1000;
  const cpuPer = (f.cpu.workerMs + f.cpu.postgresMs) / Math.max(1, taken);
  const allInWindow = taken === s.targets && afterTick === 0;
  const rows: string[][] = [
    ['Figure', 'Value', 'Target', 'Met'],
    ['Snapshots taken / posts due', `${count(taken)} / ${count(s.targets)}`, 'every one', met(taken === s.targets)],
    [
      `Taken after the window's end (window start + ${s.windowMin} min) / more than one cron tick (60 s) after it`,
      `${count(afterWindow)} / ${count(afterTick)}`,
      'all within the window and its last tick',
      met(allInWindow),
    ],
    [
      'Taken early (within the look-ahead) / earliest, taken_at − due_at',
      `${count(early.length)} / ${seconds(lateness[0] ?? Number.NaN)}`,
      'at most 90 s early (10 % of the +15 min offset)',
      met((lateness[0] ?? 0) >= -90_000),
    ],
    [
      'Lateness (taken_at − due_at), p50 / p99 / max',
      `${seconds(percentile(lateness, 50))} / ${seconds(percentile(lateness, 99))} / ${seconds(lateness.at(-1) ?? Number.NaN)}`,
      'for information (the cron runs once a minute)',
      '',
    ],
    [
      'Metrics calls (every batch and single read) / calls per snapshot',
      `${count(f.calls.length)} / ${(f.calls.length / Math.max(1, taken)).toFixed(3)}`,
      'batching',
      '',
    ],
    ['Per network', perNetwork.join('; '), '', ''],
    [
      'All requests the fakes received while the worker ran, per snapshot',
      `${count(f.requests)} (${(f.requests / Math.max(1, taken)).toFixed(3)})`,
      'for information',
      '',
    ],
    [
      'CPU per snapshot, worker + PostgreSQL (worker alone)',
      `${cpuPer.toFixed(2)} ms (${(f.cpu.workerMs / Math.max(1, taken)).toFixed(2)} ms)`,
      'for information',
      '',
    ],
    [
      'Collector throughput (snapshots ÷ busy time, each minute from its boundary to its last snapshot)',
      `${engineRate.toFixed(0)} snapshots/s (busy ${seconds(busy)})`,
      '',
      '',
    ],
    [
      `Baseline: the same ${count(f.calls.length)} metrics GETs raw, ${s.baselineConcurrency} in flight`,
      `${baselineRate.toFixed(0)} posts/s (${seconds(f.baseline.ms)}, ${f.baseline.failed} failed)`,
      'baseline',
      '',
    ],
    ['Collector ÷ baseline', `${((engineRate / baselineRate) * 100).toFixed(1)} %`, 'for information', ''],
  ];
  const reduced = s.targets !== 20_000 || s.accounts !== 1000 || s.windowMin !== 15;
  const header = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage}, at end ${input.loadAfter.map((value) => value.toFixed(2)).join(' / ')})`,
    `Date: ${input.date.toISOString()} · Node ${machine.node} · Command: \`${reduced ? `BENCH_TARGETS=${s.targets} BENCH_ACCOUNTS=${s.accounts} BENCH_WINDOW_MIN=${s.windowMin} ` : ''}npm run bench:metrics\``,
  ];
  const method = [
    `${count(s.targets)} published posts across ${count(s.accounts)} connected accounts (${s.mix.mastodon} Mastodon accounts over 10 Mastodon servers on their own`,
    `loopback addresses, ${s.mix.bluesky} Bluesky, ${s.mix.x} X), dealt round-robin; each post exists on its fake (which answers its counts) and has a`,
    `measured_posts row written in SQL whose first snapshot (+15 min) is due at an instant spread evenly over one ${s.windowMin}-minute window.`,
    `One \`plume worker\` process (default settings) collects them with its \`collect_snapshots\` cron (every minute: claims whole accounts`,
    `with a post due, each with its posts due within the look-ahead, reads each account's posts with the network's batch call under the read`,
    `budgets, writes the snapshots); the Mastodon servers report 4.4.0, so they have the batch route. The fakes answer every call after`,
    `${s.answerDelayMs} ms. CPU is /proc time of the worker and of PostgreSQL from the worker's first heartbeat to the last snapshot. The baseline, in the same run,`,
    `sends exactly the metrics GETs the fakes recorded (batch and single reads), with the same authorization, straight from the bench process (undici fetch, keep-alive),`,
    `${s.baselineConcurrency} in flight, as the collector reads one account's batch at a time. Seeding is not measured.`,
    reduced
      ? `**Reduced scale**: the full run (20,000 posts, 1,000 accounts, 15 minutes) did not fit in the time available for this run.`
      : '',
  ].join('\n');
  const markdown = [
    '## Metrics snapshots (`npm run bench:metrics`)',
    '',
    ...header.map((line) => `${line}  `),
    '',
    method,
    '',
    markdownTable(rows),
    '',
    HISTORY,
  ].join('\n');
  const text = [...header, '', textTable(rows.map((row) => row.map((cell) => cell.replaceAll('**', ''))))].join('\n');
  return { text, markdown };
}
