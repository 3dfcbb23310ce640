// Turns the API benchmark's figures into the terminal table and the docs/benchmarks.md section.
import type { LoadResult } from './load.ts';
import { apiHistory, apiIntro } from './api-notes.ts';
import { markdownTable, textTable, type Machine } from './report.ts';

export type MeasuredRun = LoadResult & { plumeCpuMs: number; postgresCpuMs: number };

export type ThroughputFigures = {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  plumeCpuMs: number;
  postgresCpuMs: number;
  runs: MeasuredRun[];
};

export type ApiFigures = {
  settings: {
    auditEvents: number;
    throughputS: number;
    connections: number;
    repeats: number;
    rate: number;
    rateS: number;
    rateConnections: number;
    pacedInstances: number;
    idleS: number;
  };
  seeded: { auditEvents: number };
  health: ThroughputFigures;
  /** Bare Fastify route in the Plume process: the page statement and the JSON only. */
  barePage: ThroughputFigures;
  /** Bare Fastify route in the Plume process: caller by token (remembered), membership statement, page statement, JSON. */
  bare: ThroughputFigures;
  list: ThroughputFigures;
  atRate: LoadResult;
  paced: LoadResult;
  firstStartMs: number;
  gracefulStop: boolean;
  restartMs: number;
  readyInMs: number | null;
  plumeRssKb: number | null;
  postgresRssKb: number;
  postgresPssKb: number;
  postgresProcesses: number;
};

export const targets = { ratio: 0.5, p95AtRateMs: 20, restartMs: 3000, rssMb: 250 };

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const rps = (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const latencies = (f: { p50: number; p95: number; p99: number }) =>
  `p50 ${ms(f.p50)} · p95 ${ms(f.p95)} · p99 ${ms(f.p99)}`;

function problems(run: LoadResult): string {
  const other = Object.entries(run.statusCodes).filter(([code]) => !code.startsWith('2'));
  const parts = [
    ...(run.errors > 0 ? [`${run.errors} errors`] : []),
    ...other.map(([code, count]) => `${count}× ${code}`),
  ];
  return parts.length > 0 ? ` (also ${parts.join(', ')})` : '';
}

export function renderReport(input: { figures: ApiFigures; machine: Machine; date: Date; command: string }): {
  text: string;
  markdown: string;
} {
  const { figures: f, machine, date, command } = input;
  const s = f.settings;
  const ratio = f.list.rps / f.bare.rps;
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const cpu = (figures: ThroughputFigures) => `${ms(figures.plumeCpuMs)} + ${ms(figures.postgresCpuMs)}`;
  const rssMb = f.plumeRssKb === null ? null : f.plumeRssKb / 1024;
  const checks = {
    ratio: ratio >= targets.ratio,
    p95: f.atRate.p95 < targets.p95AtRateMs,
    restart: f.restartMs < targets.restartMs,
    rss: rssMb !== null && rssMb < targets.rssMb,
  };
  const rows: string[][] = [
    ['Figure', 'Value', 'Target', 'Met'],
    [
      `GET …/audit-log?limit=50 (bearer session, ${f.seeded.auditEvents.toLocaleString('en-US')} events), max throughput (median of ${s.repeats} × ${s.throughputS} s, ${s.connections} connections)`,
      `${rps(f.list.rps)}; ${latencies(f.list)}`,
      '',
      '',
    ],
    [
      'Bare Fastify route in the same process, same work: caller by token (remembered), the same membership and page SQL through `pg`, the same JSON bytes',
      `${rps(f.bare.rps)}; ${latencies(f.bare)}`,
      'baseline',
      '',
    ],
    [
      'Bare route, the page statement and the JSON only (no caller, no membership)',
      `${rps(f.barePage.rps)}; ${latencies(f.barePage)}`,
      'for information',
      '',
    ],
    [
      'GET /api/v1/health (a route that does nothing), same settings',
      `${rps(f.health.rps)}; ${latencies(f.health)}`,
      'for information',
      '',
    ],
    [
      '**Audit-log throughput ÷ bare route, same work**',
      percent(ratio),
      `≥ ${targets.ratio * 100} %`,
      met(checks.ratio),
    ],
    [
      'Audit-log ÷ bare page-only route · audit-log ÷ health',
      `${percent(f.list.rps / f.barePage.rps)} · ${percent(f.list.rps / f.health.rps)}`,
      'for information',
      '',
    ],
    [
      'CPU per request, Plume process + PostgreSQL: bare route, same work ÷ audit-log',
      percent((f.bare.plumeCpuMs + f.bare.postgresCpuMs) / (f.list.plumeCpuMs + f.list.postgresCpuMs)),
      'for information',
      '',
    ],
    [
      'CPU per request, Plume process + PostgreSQL (median round)',
      `audit-log ${cpu(f.list)} · bare ${cpu(f.bare)} · bare page-only ${cpu(f.barePage)} · health ${cpu(f.health)}`,
      'for information',
      '',
    ],
    [
      `Audit-log at ${s.rate} req/s (autocannon overallRate ${s.rate}, ${s.rateConnections} connections, ${s.rateS} s)`,
      `${latencies(f.atRate)}; achieved ${rps(f.atRate.rps)}${problems(f.atRate)}`,
      `p95 < ${targets.p95AtRateMs} ms`,
      met(checks.p95),
    ],
    [
      `Audit-log at ${s.rate} req/s spread over each second (${s.pacedInstances} staggered single-connection runs)`,
      `${latencies(f.paced)}; achieved ${rps(f.paced.rps)}${problems(f.paced)}`,
      'for information',
      '',
    ],
    [
      '`plume start` → first 200 from /api/v1/ready (restart, cluster initialised)',
      `${(f.restartMs / 1000).toFixed(2)} s (in-process readyInMs: ${f.readyInMs ?? 'not logged'})`,
      `< ${targets.restartMs / 1000} s`,
      met(checks.restart),
    ],
    ['First `plume start` (initdb + migrations), for comparison', `${(f.firstStartMs / 1000).toFixed(2)} s`, '', ''],
    [
      `Plume node process RSS after ${s.idleS} s idle`,
      rssMb === null ? 'not found' : mb(f.plumeRssKb ?? 0),
      `< ${targets.rssMb} MB`,
      met(checks.rss),
    ],
    [
      `Embedded PostgreSQL, ${f.postgresProcesses} processes: RSS summed (shared memory counted in each) / PSS summed`,
      `${mb(f.postgresRssKb)} / ${mb(f.postgresPssKb)}`,
      'for information',
      '',
    ],
  ];
  const rounds: string[][] = [
    ['Round', 'audit-log req/s', 'bare req/s', 'ratio', 'bare page-only req/s', 'health req/s', 'audit-log p95'],
    ...f.list.runs.map((list, i) => {
      const count = (run: MeasuredRun | undefined) => (run ? Math.round(run.rps).toString() + problems(run) : '');
      const bare = f.bare.runs[i];
      return [
        String(i + 1),
        count(list),
        count(bare),
        bare ? percent(list.rps / bare.rps) : '',
        count(f.barePage.runs[i]),
        count(f.health.runs[i]),
        ms(list.p95),
      ];
    }),
  ];
  const header = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage})`,
    `Date: ${date.toISOString()} · Node ${machine.node} · Command: \`${command}\``,
  ];
  const markdown = [
    '## API (`npm run bench:api`)',
    '',
    ...header.map((line) => `${line}  `),
    '',
    apiIntro,
    '',
    markdownTable(rows),
    '',
    markdownTable(rounds),
    '',
    reading(f, ratio, checks),
    '',
    apiHistory,
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

function reading(f: ApiFigures, ratio: number, checks: Record<'ratio' | 'p95' | 'restart' | 'rss', boolean>): string {
  const names = { ratio: 'throughput ratio', p95: 'p95 at the fixed rate', restart: 'restart time', rss: 'memory' };
  const missed = (Object.keys(checks) as Array<keyof typeof checks>)
    .filter((name) => !checks[name])
    .map((name) => names[name]);
  const s = f.settings;
  const listCpu = f.list.plumeCpuMs + f.list.postgresCpuMs;
  const healthCpu = f.health.plumeCpuMs + f.health.postgresCpuMs;
  const saturated = f.list.rps < s.rate * 1.25;
  const bareCpu = f.bare.plumeCpuMs + f.bare.postgresCpuMs;
  const sentences = [
    missed.length === 0 ? 'All four targets are met.' : `Met: ${4 - missed.length} of 4; missed: ${missed.join(', ')}.`,
    `Per request the audit-log list costs ${ms(f.list.plumeCpuMs)} of Plume CPU and ${ms(f.list.postgresCpuMs)} of PostgreSQL CPU; the bare route doing the same work ${ms(f.bare.plumeCpuMs)} + ${ms(f.bare.postgresCpuMs)}, so Plume's own layer (routing, request validation, rate limit, security headers, request logging, metrics, the session memo, drizzle for the membership statement, the compiled answer) adds ${listCpu > bareCpu ? ms(listCpu - bareCpu) : 'nothing this run could measure'}; the health route costs ${ms(healthCpu)}.`,
    `Throughput is set by CPU, shared on two cores by Plume, PostgreSQL, the load generator and whatever else runs on the machine; the per-round ratios show how much that moves between runs of ten seconds.`,
    saturated
      ? `The server tops out at about ${Math.round(f.list.rps)} req/s on this list, so ${s.rate} req/s is at or beyond its capacity here and the fixed-rate latency (p95 ${ms(f.atRate.p95)} in autocannon's rate mode, which releases each second's quota as a burst; ${ms(f.paced.p95)} with the load spread over the second) is mostly queueing.`
      : `At ${s.rate} req/s, below the ${Math.round(f.list.rps)} req/s ceiling, p95 is ${ms(f.atRate.p95)} in autocannon's rate mode (each second's quota sent as a burst) and ${ms(f.paced.p95)} with the load spread over the second.`,
    `A restart with an initialised cluster answers /ready ${(f.restartMs / 1000).toFixed(2)} s after spawn${f.readyInMs === null ? '' : `; Plume's own start (PostgreSQL, migration check, worker, app, one memory-reducing collection) is ${(f.readyInMs / 1000).toFixed(2)} s of that and the rest is Node starting and loading modules`}.`,
    f.plumeRssKb === null
      ? ''
      : `Idle, the Plume process holds ${mb(f.plumeRssKb)} resident; the embedded PostgreSQL adds ${mb(f.postgresPssKb)} (PSS).`,
    f.gracefulStop ? '' : 'The first server did not stop within 20 s of SIGTERM and was killed.',
  ];
  return sentences.filter(Boolean).join(' ');
}
