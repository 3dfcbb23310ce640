// Turns the publishing benchmark's figures into the terminal table and the docs/benchmarks.md section.
import type { RawRun } from './raw-posts.ts';
import { markdownTable, textTable, type Machine } from './report.ts';

export type CallFigures = {
  /** Status POSTs the fake received for the seeded targets, repeats included. */
  calls: number;
  /** Calls beyond the first for the same target (same Idempotency-Key). */
  duplicates: number;
  /** Targets the fake never heard about. */
  missing: number;
  /** Lateness: the fake's receive time of a target's first call minus the due time, ms. */
  p50: number;
  p99: number;
  first: number;
  last: number;
};

export type ResourceFigures = {
  /** Due instant → every target settled, ms: the interval the CPU figures cover. */
  intervalMs: number;
  workerCpuMs: number;
  postgresCpuMs: number;
  /** From the jobs queued to the due instant: the dispatcher holding and preparing the targets. */
  beforeDue: { intervalMs: number; workerMs: number; postgresMs: number };
  /** The bench process itself: the fake network and the progress polling. */
  benchCpuMs: number;
  workerIdleRssKb: number | null;
  workerPeakRssKb: number | null;
  postgresPeakPssKb: number;
  postgresProcesses: number;
};

export type PublishFigures = {
  settings: {
    accounts: number;
    mix: { mastodon: number; bluesky: number; x: number };
    targets: number;
    answerDelayMs: number;
    workerConcurrency: number;
    lookaheadS: number;
    /** Hosts the calls go to (Mastodon servers, the Bluesky PDS, X) and each one's `publishConcurrency`. */
    hosts: number;
    hostLimit: number;
    networkConcurrency: number;
    baselineRounds: number;
  };
  states: Record<string, number>;
  calls: CallFigures;
  /** Due instant → the last target's published_at, ms. */
  allPublishedMs: number;
  postsPerS: number;
  resources: ResourceFigures;
  queuedBeforeDueMs: number;
  baseline: { runs: RawRun[]; ms: number; postsPerS: number };
};

/** Found by profiling the same setup by hand; not re-measured by the script, hence dated. */
const historyNotes = `History and profiling notes (2026-11-22, same machine, same command). First measurement: 114 and 121 posts/s
(all published 87.6 s and 82.7 s after due, p99 lateness 86.9 s and 81.9 s), 10.1 and 9.9 ms of CPU per target (worker + PostgreSQL),
baseline 181 and 179 posts/s. A CPU profile of the worker (\`--cpu-prof\`) put 33 % of its time in \`writev\` (one socket write per SQL
statement: about 23 per target — claim transaction 10, token read 1, outcome transaction 10, queue fetch and completion 2), 19 % in
drizzle (building queries, mapping rows) and 5 % in pg: round trips, not JavaScript, set the cost, and PostgreSQL pays for each one too. Changes since,
each measured with this script: the claim locks the target and its post in one statement and reads both rate-limit waits in one
(\`packages/core/src/publishing/publish-target.ts\`): 129 posts/s, 8.8 ms per target; graphile-worker batching — a local queue of
WORKER_CONCURRENCY jobs fetched in one query, completions written together (\`apps/worker/src/run-worker.ts\`): 159 posts/s, 8.4 ms.
2026-12-04, on another 2-core machine (Intel Xeon; the baseline 191 posts/s): the claim also reads the account and the network's throttle under the lock and writes the attempt and the target in one
statement; recording an outcome closes the attempt while locking the target, and locks the post while reading its targets' states:
178 posts/s, 4.9 ms, the first run with every target published within 60 s.
Later that day: the account's token is read before taking one of the network's slots, which are now held only during the call,
and graphile-worker's pool may grow to WORKER_CONCURRENCY + 2: 177 posts/s against a baseline of 185 posts/s in that run (95.6 %),
all published 56.4 s after due (an earlier run with only the pool change, while tests ran beside it, took 61.9 s: the 60 s target has little margin).
By hand, with Mastodon's \`publishConcurrency\` raised to 16 (not committed): all 10,000 published 48.0 s after due, p99 lateness 47.5 s,
208 posts/s against a baseline of 696 posts/s at 16 in flight (30 %), the worker at 81 % and PostgreSQL at 70 % of a core, 7.3 ms per
target: there the engine is bound by CPU. What the targets ask: p99 lateness under 5 s for 10,000 posts due together means about
2,000 posts/s, so at least 40 calls in flight at 20 ms each and under 1 ms of CPU per target on these two cores — a tenth of today's
cost; with the default limit of 4 calls in flight, 10,000 × 20 ms ÷ 4 = 50 s is the floor for any client.
2026-12-07, the agency mix (the setup above, new that day) with the limiter per host + app and claims, call starts and published
outcomes written in batches; before and after measured with this script within the same hour, on a machine shared by seven engineers'
builds and tests (load average 13–15 on 2 cores throughout: the worker got about a fifth of a core, the baseline 224 posts/s of the
2,400 posts/s that 48 calls in flight at 20 ms allow). Before (the engine of that morning: one limit of 4 calls for all of Mastodon's 10 servers,
one claim and one outcome transaction per target): 3,994 of 10,000 published 180 s after due (22 posts/s), the run cut there.
After: all 10,000 published 114.2 s after due (88 posts/s, 39 % of the baseline), 0 duplicates, 4.46 ms of CPU per target (worker + PostgreSQL;
5.95 ms before on a quiet machine with Mastodon alone). Then the jobs' account reads batched too (one statement for the accounts of the
jobs running at once), load average 11: all 10,000 published 67.2 s after due, 149 posts/s, 39.5 % of a baseline of 376 posts/s, 0 duplicates,
3.15 ms of CPU per target. Under this load none of the time targets could be judged; the 2 ms CPU target was not met.
Later on 2026-12-07 (load average 10–14 throughout, runs with \`--engine-only\`): the publishing dispatcher (docs/publishing.md): the worker holds
the targets from 30 s before due, prepares them, and at the due instant claims each one and marks its call started in one batched statement
once its slot is taken; the jobs wait until the hold ends. The Bluesky accounts went from 60 to 40 (Mastodon 400 → 420): 1,200 targets through the
PDS's 4 slots took 6 s, so no client could reach p99 < 5 s; now no host gets more than 840 (4.2 s at 20 ms). First run: all 10,000 fired by
the dispatcher, all published 62.2 s after due, 161 posts/s, PostgreSQL 25.5 s of CPU in the burst. Instrumented, each start statement took
120 ms for 20 targets and a slot waited 217 ms for it against 76 ms for the call: the batched statements joined their JSON input with
\`post_targets\`, \`publish_attempts\` and \`posts\`, which PostgreSQL planned as scans of the whole tables (EXPLAIN: 3–7 ms a statement at 10,000
targets, and more as the tables grow). With the ids also passed as arrays (\`t.id = ANY(…)\`, read by key), PostgreSQL's CPU in the burst fell
to 9.1 s and the CPU per target, counting the preparation before due, to 2.45 ms (2.0 ms in the burst); the time figures did not move
(61.3 s, 163 posts/s at load 13.8), because each call now took 175 ms instead of 20 ms: the processes on this machine, the fakes' included,
waited for a core. A CPU profile of the worker in the burst (\`--cpu-prof\`): undici's fetch about 40 % of its busy time, PostgreSQL's client
and drizzle about 15 %, and the first Bluesky post loading \`@atproto/api\` (0.5 s, once). A lease that lapsed during a slow burst also taught
that the hold must outlast the backlog: with a 30 s hold the jobs woke for 8,000 held targets and competed with the dispatcher (no duplicate,
but 166 s in all); holds now last until 5 minutes after due.
Then the dispatcher warms Bluesky's \`@atproto/api\` while preparing (a provider's \`warmUp\`), so the first Bluesky post no longer blocks
the worker for half a second or more at the due instant (4,000 targets: first lateness 1.9 s → 0.4 s). Two full runs of this command with
everything above: at load 13.0–15.7 (before the warm-up): all published 70.9 s after due, p99 70.2 s, 141 posts/s = 51.7 % of a 273 posts/s
baseline, 1.94 ms of CPU per target (1.53 ms from due), 0 duplicates; the worker and PostgreSQL used 15.3 s of CPU in those 70.9 s, under a
quarter of one of the two cores: the time targets were missed for want of a core. The table above (load 6.0–7.5, with the warm-up): all
published 25.7 s after due (met), p99 25.4 s, 389 posts/s = 46.7 % of a baseline that got 833 posts/s at this lower load, 2.05 ms per target
(1.67 ms from due), 0 duplicates. The ratio and the 2 ms line sit at the edge and move with the load between runs. What stays out of reach on
this machine is p99 < 5 s: the worker spent 9.1 s of CPU on its one thread in the burst, 0.91 ms a target, so even with two free cores the
10,000 calls take about 9 s; p99 < 5 s needs under about 0.45 ms a target in the worker. About 40 % of it is undici's fetch (in \`@plume/http\`),
the next thing to cut.
16:07 UTC the same day, the machine quiet at last (load average 2.1 at start, 1.1 at end), the same code: the table above. All 10,000
published 11.25 s after due, 889 posts/s = 58.5 % of a baseline of 1,519 posts/s, 1.99 ms of CPU per target (1.54 ms from due),
0 duplicates: three targets of four met. p99 lateness 11.14 s (p50 5.93 s) misses < 5 s; the raw baseline itself needs 6.5–6.7 s to send
all 10,000 with 4 calls in flight per host on these 12 hosts, so its own p99 would be about 6.5 s: on this machine and mix the target asks
for more than a bare client does, and cutting the worker's CPU per call (undici) is the way toward it.
17:05–18:40 UTC the same day, toward p99 < 5 s (the machine busy again: load 11–15 from 17:10 on). Profiled first (\`--cpu-prof\`, load 0.9
at start, the profiler slowing the worker): of the worker's busy time in the burst 23 % was \`writev\` (socket writes of SQL statements
and HTTP requests; on this VM a loopback write also wakes the receiving process, which may take the core), about 40 % undici's fetch with its
WHATWG Request, Response, Headers and body streams, 11 % garbage collection. Each call traced (load 11): a slot waited 69 ms on average for
its start statement (batches of 17, one at a time, 46 ms each), then 92 ms for a call the fake answers after 20 ms. pg_stat_statements in the
burst (load 14): the start statement 969 batches, 1.3 s planning and 6.4 s executing; the published outcomes 217 transactions, 3.2 s in their
main statement, 2.8 s inserting \`measured_posts\` (foreign keys, the generated hashtags column, four indexes), 0.8 s post summaries, 0.6 s
removing the jobs; the bench's own progress count 0.75 s. Changes, each measured with \`--engine-only\`: the networks' JSON calls go through
\`HttpClient.exchange\` (undici's \`request\` on the same guarded pool, the answer read once into plain data, every guard kept; docs/architecture.md):
the worker's CPU in the burst 8.1–8.2 s → 4.4–4.9 s; start statements two at a time and a named prepared statement: planning 1.3 s → 0.07 s
for the burst; the baseline on undici's \`request\` too (the cheapest raw client, so the ratio stays honest), and the bench counts progress
twice a second instead of five times (0.75 s → 0.39 s of PostgreSQL). The table above: the newest full run, with its load.
Why p99 < 5 s is out of reach on this machine, whatever its load. (1) CPU: in the burst each target now costs the worker 0.49–0.60 ms,
PostgreSQL 0.62–0.80 ms and the bench process 0.28–0.40 ms (the fake network and the progress count; the baseline pays for the same fakes)
in the two full runs at load 12–15 (18:08 and 18:21 UTC; before these changes, quiet, 16:07: 0.77, 0.77 and 0.29 ms), 1.4–1.8 ms in all:
14–18 core-seconds for 10,000 targets, where 5 s on two cores hold 10, so even with both cores idle and perfect overlap close to 30 % would
be later than 5 s; p99 < 5 s needs about 1 ms in all, that is PostgreSQL near 0.25 ms a target (one statement per batch to start and one
to record, \`measured_posts\` written after the burst). (2) The chain of one host: 840 targets through 4 slots are 210 rounds, each a committed start statement then
the 20 ms answer; the commit waits for a WAL flush (fdatasync on this disk: 3 ms median, 6 ms p90 at load 11), so the last targets of a host go out no sooner than 210 × (20 ms + a commit + the round trips) ≈ 4.6–5 s even with no CPU contention: no margin is left for anything else. Marking a slot's next target started while its current call is still
in flight would take the commit off that chain, but then a crash leaves calls that never started \`unconfirmed\`, which the rule "only
the targets whose call starts are marked" forbids, so it was not done. A second worker process does not help either: limits are per
process, so two workers would put 8 calls in flight per host where the host allows 4. The baseline on undici's \`request\` is a harder yardstick than the fetch one it replaced: in the three full runs at load 9–15 (18:08, 18:21, 18:31 UTC) the engine reached 46.7 %, 30.8 % and 38.7 % of it, under the 50 % target; no quiet machine was available to measure the ratio after these changes. 18:57 UTC the same day, the machine quiet
(load average 1.3 at the engine run), the same code: the table above. All 10,000 published 10.12 s after due (11.25 s at 16:07),
p99 lateness 9.99 s (11.14 s), 988 posts/s = 54.2 % of the undici baseline's 1,825 posts/s (met; the baseline itself needed 5.48 s
for all 10,000, so its own p99 is about 5.4 s), 1.77 ms of CPU per target (1.40 ms from due), 0 duplicates: three targets of four
met, p99 lateness < 5 s missed, for the reasons above.`;

export const publishTargets = { allPublishedS: 60, p99LatenessS: 5, ratio: 0.5, duplicates: 0 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} posts/s`;
const mb = (kb: number | null) => (kb === null ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const count = (value: number) => value.toLocaleString('en-US');

/** Worker + PostgreSQL CPU per target, from the jobs queued (the dispatcher prepares before due) to settled. */
function cpuPerTarget(f: PublishFigures): number {
  const r = f.resources;
  return (r.beforeDue.workerMs + r.beforeDue.postgresMs + r.workerCpuMs + r.postgresCpuMs) / f.settings.targets;
}

type Checks = { allPublished: boolean; p99: boolean; ratio: boolean; duplicates: boolean };

function checksOf(f: PublishFigures): Checks {
  const publishedAll = (f.states['published'] ?? 0) === f.settings.targets;
  return {
    allPublished: publishedAll && f.allPublishedMs <= publishTargets.allPublishedS * 1000,
    p99: f.calls.missing === 0 && f.calls.p99 < publishTargets.p99LatenessS * 1000,
    ratio: f.postsPerS / f.baseline.postsPerS >= publishTargets.ratio,
    duplicates: f.calls.duplicates === publishTargets.duplicates,
  };
}

export function renderPublishReport(input: {
  figures: PublishFigures;
  machine: Machine;
  loadAfter: number[];
  date: Date;
  command: string;
}): { text: string; markdown: string } {
  const { figures: f, machine, date, command } = input;
  const s = f.settings;
  const r = f.resources;
  const checks = checksOf(f);
  const ratio = f.postsPerS / f.baseline.postsPerS;
  const states = Object.entries(f.states)
    .map(([state, n]) => `${count(n)} ${state}`)
    .join(', ');
  const cpuShare = (ms: number) => `${seconds(ms)} (${((ms / r.intervalMs) * 100).toFixed(0)} % of one core)`;
  const rows: string[][] = [
    ['Figure', 'Value', 'Target', 'Met'],
    [
      'Due instant → last target published (published_at)',
      `${seconds(f.allPublishedMs)}; ${states}`,
      `all within ${publishTargets.allPublishedS} s`,
      met(checks.allPublished),
    ],
    [
      'Lateness (fake received the call − due), p50 / p99',
      `${seconds(f.calls.p50)} / ${seconds(f.calls.p99)}`,
      `p99 < ${publishTargets.p99LatenessS} s`,
      met(checks.p99),
    ],
    [
      'Lateness of the first and the last target',
      `${seconds(f.calls.first)} / ${seconds(f.calls.last)}`,
      'for information',
      '',
    ],
    ['Engine throughput (published ÷ due→last published)', rate(f.postsPerS), '', ''],
    [
      `Baseline: ${count(s.targets)} raw publish requests, ${s.hostLimit} in flight per host (median of ${s.baselineRounds} rounds: one before the engine run, one after)`,
      `${rate(f.baseline.postsPerS)} (${seconds(f.baseline.ms)})`,
      'baseline',
      '',
    ],
    ['Engine ÷ baseline', `${(ratio * 100).toFixed(1)} %`, `≥ ${publishTargets.ratio * 100} %`, met(checks.ratio)],
    [
      'Publish calls received / targets with more than one call / targets never called',
      `${count(f.calls.calls)} / ${count(f.calls.duplicates)} / ${count(f.calls.missing)}`,
      'no duplicates',
      met(checks.duplicates),
    ],
    [
      `CPU before due (the ${seconds(r.beforeDue.intervalMs)} from the jobs queued: holding and preparing), worker / PostgreSQL`,
      `${seconds(r.beforeDue.workerMs)} / ${seconds(r.beforeDue.postgresMs)}`,
      'for information',
      '',
    ],
    ['CPU from due to settled: worker process', cpuShare(r.workerCpuMs), 'for information', ''],
    [
      `CPU from due to settled: PostgreSQL (${r.postgresProcesses} processes)`,
      cpuShare(r.postgresCpuMs),
      'for information',
      '',
    ],
    [
      'CPU per published target, worker + PostgreSQL, before due + from due (from due only)',
      `${cpuPerTarget(f).toFixed(2)} ms (${((r.workerCpuMs + r.postgresCpuMs) / s.targets).toFixed(2)} ms)`,
      '≤ 2 ms',
      met(cpuPerTarget(f) <= 2),
    ],
    ['CPU of the bench process (the fake network, progress polling)', cpuShare(r.benchCpuMs), 'for information', ''],
    [
      'Worker RSS idle before the due instant / peak (VmHWM)',
      `${mb(r.workerIdleRssKb)} / ${mb(r.workerPeakRssKb)}`,
      'for information',
      '',
    ],
    ['PostgreSQL PSS summed, highest 1 s sample', mb(r.postgresPeakPssKb), 'for information', ''],
  ];
  const rounds: string[][] = [
    ['Baseline round', 'time', 'posts/s', 'failed'],
    ...f.baseline.runs.map((run, i) => [
      i === 0 ? '1 (before)' : `${i + 1} (after)`,
      seconds(run.ms),
      rate(run.postsPerS),
      String(run.failed),
    ]),
  ];
  const header = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage}, at end ${input.loadAfter.map((value) => value.toFixed(2)).join(' / ')})`,
    `Date: ${date.toISOString()} · Node ${machine.node} · Command: \`${command}\``,
  ];
  const markdown = [
    '## Publishing (`npm run bench:publish`)',
    '',
    ...header.map((line) => `${line}  `),
    '',
    method(f),
    '',
    markdownTable(rows),
    '',
    markdownTable(rounds),
    '',
    reading(f, checks),
    '',
    historyNotes,
  ].join('\n');
  const text = [
    ...header,
    '',
    textTable(rows.map((row) => row.map((cell) => cell.replaceAll('**', '').replaceAll('`', '')))),
    '',
    textTable(rounds),
  ].join('\n');
  return { text, markdown };
}

function method(f: PublishFigures): string {
  const s = f.settings;
  return [
    `${count(s.targets)} single-target posts across an agency's ${s.accounts} connected accounts (tokens encrypted as the app stores them): ${s.mix.mastodon} Mastodon accounts spread over`,
    `${s.hosts - 2} Mastodon servers on their own loopback addresses (127.0.0.2–127.0.0.${s.hosts - 1}), ${s.mix.bluesky} Bluesky accounts on the PDS fake (127.0.0.1) and ${s.mix.x} X accounts (127.0.0.${s.hosts}),`,
    `the targets dealt round-robin over the accounts, all due at one instant; their jobs were added by the real \`enqueuePublishJobs\` (keys \`publish:<target>\`,`,
    `run_at = due) ${seconds(f.queuedBeforeDueMs)} before it. One \`plume worker\` process (WORKER_CONCURRENCY=${s.workerConcurrency}, PUBLISH_LOOKAHEAD_SECONDS=${s.lookaheadS}: its dispatcher holds and prepares`,
    `the targets from ${s.lookaheadS} s before due and fires them at the due instant; every host allows \`publishConcurrency\` = ${s.hostLimit}`,
    `calls at once, counted per host and app, so at most ${s.networkConcurrency} calls in flight) publishes them against the fakes, which answer every call after ${s.answerDelayMs} ms`,
    "and record when each arrived; PostgreSQL is the embedded one `plume start` runs, with its settings. Lateness is a fake's receive time of each",
    "target's first call minus the due time; duplicates are calls repeating a target's text. The baseline, in the same run, sends the same publish requests",
    "straight to the same fakes from the bench process (undici's `request` on a keep-alive Agent, the cheapest client Node has), each host with its limit in flight. Seeding is not measured.",
  ].join('\n');
}

function reading(f: PublishFigures, checks: Checks): string {
  const names: Record<keyof Checks, string> = {
    allPublished: 'all published within 60 s',
    p99: 'p99 lateness',
    ratio: 'throughput ratio',
    duplicates: 'no duplicates',
  };
  const missed = (Object.keys(checks) as Array<keyof Checks>)
    .filter((name) => !checks[name])
    .map((name) => names[name]);
  const ceiling = (f.settings.networkConcurrency * 1000) / f.settings.answerDelayMs;
  const cpu = cpuPerTarget(f);
  return [
    missed.length === 0 ? 'All four targets are met.' : `Met: ${4 - missed.length} of 4; missed: ${missed.join(', ')}.`,
    `With ${f.settings.networkConcurrency} calls in flight and ${f.settings.answerDelayMs} ms per answer, no client can exceed ${count(ceiling)} posts/s against these fakes;`,
    `the baseline reached ${rate(f.baseline.postsPerS)} and the engine ${rate(f.postsPerS)}, spending ${cpu.toFixed(2)} ms of CPU per target (worker + PostgreSQL, preparation before due included;`,
    `target ≤ 2 ms: ${cpu <= 2 ? 'met' : 'not met'}). Lateness grows through the batch (targets are served in queue order), so the p99 is close to the time the`,
    'whole batch takes: the p99 target needs the batch to take under 5 s, that is 2,000 posts/s and under 1 ms of CPU per target on two cores.',
  ].join(' ');
}
