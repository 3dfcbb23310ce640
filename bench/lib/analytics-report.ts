// Turns the analytics benchmark's figures into the terminal table and the docs/benchmarks.md section.
import { analyticsHistory } from './analytics-notes.ts';
import { ROUTES, type RouteName, type Samples } from './analytics-measure.ts';
import type { AnalyticsSeedSettings, SeedCounts } from './analytics-seed.ts';
import { percentile } from './load.ts';
import { markdownTable, textTable, type Machine } from './report.ts';
import type { Wave } from './sql-capture.ts';

export type AnalyticsFigures = {
  seedSettings: AnalyticsSeedSettings;
  settings: { rounds: number; warmUp: number; rangeDays: number; timezone: string };
  seeded: SeedCounts;
  range: { from: string; to: string };
  statements: Record<RouteName, Wave[]>;
  samples: Samples;
  loadAfter: number[];
};

export const targets = { pageP95Ms: 100 };
export const FULL_SNAPSHOTS = 10_000_000;

type Spread = { p50: number; p95: number };
const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const both = (s: Spread) => `${ms(s.p50)} / ${ms(s.p95)}`;
const count = (value: number) => value.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function routeRows(f: AnalyticsFigures): string[][] {
  const header = [
    'Request',
    'Statements (waves)',
    'In the page: app p50 / p95',
    'Same SQL p50 / p95',
    'Alone: app p50 / p95',
    'Same SQL p50 / p95',
    'Alone p95 ÷ SQL p95',
  ];
  return [
    header,
    ...ROUTES.map((route) => {
      const waves = f.statements[route];
      const statements = waves.reduce((sum, wave) => sum + wave.length, 0);
      const inPageApp = spread(f.samples.page.app.map((timing) => timing.routes[route]));
      const inPageSql = spread(f.samples.page.sql.map((timing) => timing.routes[route]));
      const aloneApp = spread(f.samples.alone[route].app);
      const aloneSql = spread(f.samples.alone[route].sql);
      return [
        `\`${route}\``,
        `${statements} (${waves.length})`,
        both(inPageApp),
        both(inPageSql),
        both(aloneApp),
        both(aloneSql),
        ratio(aloneApp.p95, aloneSql.p95),
      ];
    }),
  ];
}

export function renderAnalyticsReport(input: { figures: AnalyticsFigures; machine: Machine; date: Date }): {
  text: string;
  markdown: string;
} {
  const { figures: f, machine } = input;
  const s = f.seeded;
  const page = spread(f.samples.page.app.map((timing) => timing.totalMs));
  const pageSql = spread(f.samples.page.sql.map((timing) => timing.totalMs));
  const overview = spread(f.samples.page.app.map((timing) => timing.routes.overview));
  const checks = { page: page.p95 < targets.pageP95Ms, overview: overview.p95 < targets.pageP95Ms };
  const totalSnapshots = s.postSnapshots + s.accountSnapshots;
  const rows: string[][] = [
    ['Figure', 'Value', 'Target', 'Met'],
    [
      `Whole page, ${f.settings.rangeDays} days with the period before (overview + followers, then posts + breakdowns + heatmap), through the app, p50 / p95`,
      both(page),
      `p95 < ${targets.pageP95Ms} ms`,
      met(checks.page),
    ],
    ['The same statements through `pg`, same phases, p50 / p95', both(pageSql), 'baseline', ''],
    [
      'Page through the app ÷ plain SQL, at p95 (at p50)',
      `${ratio(page.p95, pageSql.p95)} (${ratio(page.p50, pageSql.p50)})`,
      'for information',
      '',
    ],
    [
      'Overview request within the page, p50 / p95',
      both(overview),
      `p95 < ${targets.pageP95Ms} ms`,
      met(checks.overview),
    ],
    [
      'Snapshot rows: post snapshots + daily account snapshots',
      `${count(totalSnapshots)} (${count(s.postSnapshots)} + ${count(s.accountSnapshots)})`,
      '10,000,000',
      '',
    ],
    [
      "Workspaces / accounts / measured posts (the measured workspace's)",
      `${count(s.workspaces)} / ${count(s.accounts)} / ${count(s.measuredPosts)} (${count(s.measuredWorkspacePosts)})`,
      'for information',
      '',
    ],
    ['Seeding in SQL, indexes, VACUUM ANALYZE', `${(s.seedMs / 1000).toFixed(0)} s`, 'not a target', ''],
  ];
  const metCount = Object.values(checks).filter(Boolean).length;
  const reduced = f.seedSettings.snapshots !== FULL_SNAPSHOTS || f.settings.rounds !== 200;
  const load = input.figures.loadAfter.map((value) => value.toFixed(2)).join(' / ');
  const header = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage}, at end ${load})`,
    `Date: ${input.date.toISOString()} · Node ${machine.node} · Command: \`${reduced ? `BENCH_SNAPSHOTS=${f.seedSettings.snapshots} BENCH_ROUNDS=${f.settings.rounds} ` : ''}npm run bench:analytics\``,
  ];
  const method = [
    `${f.seedSettings.workspaces} workspaces of one agency, seeded in SQL: the measured one (${f.settings.timezone}) has ${f.seedSettings.measuredAccounts} accounts on`,
    `Mastodon, Bluesky, X, LinkedIn and Facebook posting twice the agency's average; the others 5–30 accounts each. ${f.seedSettings.days} days of posts,`,
    'written in publishing order across all workspaces, with results spread log-normally around a level of their own per account (a',
    'few accounts carry most engagements), 0–3 hashtags out of 300 used with a strong skew, lengths from 20 to 500 characters; 8',
    'scheduled snapshots per post (those already due) and one follower reading per account and day. Then VACUUM ANALYZE, and',
    'the posts of the last day and those turning 3, 7 and 30 days old rewritten, as the collector leaves them between two autovacuums',
    '(≈ 0.6 % of the table; their pages are not all-visible, so index-only scans visit the heap for them).',
    `The page's requests for ${f.range.from} – ${f.range.to} (the last ${f.settings.rangeDays} days) go through the real app in the bench process`,
    '(`buildApp` with production settings, `app.inject`: routing, bearer session, membership check, validation, the core queries and',
    "the answer's serialization), phased as the browser loads the page: the overview and the follower series together, then top posts,",
    "breakdowns and the heatmap together. The baseline sends the same statements — drizzle's SQL text and parameters, recorded from",
    'each request — through a plain `pg` pool of the same size, in the same order and the same parallelism. Each of the',
    `${f.settings.rounds} rounds (after ${f.settings.warmUp} not kept) loads the page both ways, then each request alone both ways; which side goes first alternates.`,
    reduced
      ? `**Reduced run**: ${count(f.seedSettings.snapshots)} snapshot rows and ${f.settings.rounds} rounds, not the full 10,000,000 and 200.`
      : '',
  ].join('\n');
  const markdown = [
    '## Analytics page queries (`npm run bench:analytics`)',
    '',
    ...header.map((line) => `${line}  `),
    '',
    method,
    '',
    markdownTable(rows),
    '',
    `Met: ${metCount} of ${Object.keys(checks).length}`,
    '',
    markdownTable(routeRows(f)),
    '',
    analyticsHistory,
  ].join('\n');
  const plain = (table: string[][]) => textTable(table.map((row) => row.map((cell) => cell.replaceAll('**', ''))));
  const text = [
    ...header,
    '',
    plain(rows),
    `Met: ${metCount} of ${Object.keys(checks).length}`,
    '',
    plain(routeRows(f)),
  ].join('\n');
  return { text, markdown };
}
