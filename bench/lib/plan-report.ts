// Turns `npm run bench:plan`'s figures into the terminal tables and the docs/benchmarks.md section.
import type { PhaseCount } from './plan-fake.ts';
import type { LedgerFigures } from './plan-ledger.ts';
import type { SqlStats } from './plan-sql.ts';
import { planNotes } from './plan-notes.ts';
import type { PlumeResult } from './plan-plume.ts';
import { markdownTable, textTable, type Machine } from './report.ts';

export type PlanFigures = {
  plume: PlumeResult;
  naive: { posts: number; wallMs: number };
  sql: SqlStats;
  cpuMs: number;
  ledger: LedgerFigures;
  counts: Record<'setup' | 'plume' | 'naive', PhaseCount>;
  latencyMs: number;
  historyPosts: number;
  month: string;
  machine: Machine;
  loadAfter: number[];
  date: Date;
};

const TARGETS = { tokenRatio: 0.4, wallS: 5 };
/** Every check checkPlan runs, so a check with no violation shows as passed. */
const CHECKS: Array<[string, string]> = [
  ['pillar_mix', "each pillar within ±10 points of the strategy's share"],
  ['similar_posts', 'no two posts < 30 days apart more similar than 0.5 (word-pair Jaccard)'],
  ['text_limit', "every post within its network's limit"],
  ['quiet_hours', 'no post in quiet hours (22:00–07:00)'],
  ['cadence', 'at most the cadence (5) per account per week'],
  ['daily_cap', 'at most 2 posts per account per day'],
  ['min_gap', 'at least 2 hours between two posts of an account'],
];

const fixed = (value: number, digits = 1) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const yesNo = (met: boolean) => (met ? 'yes' : '**no**');
const kinds = (count: PhaseCount) =>
  Object.entries(count.byKind)
    .map(([kind, calls]) => `${kind} ${calls} × ${fixed((count.tokensByKind[kind] ?? 0) / calls, 0)} tok`)
    .join(', ');

export function summarise(figures: PlanFigures) {
  const { plume, counts } = figures;
  const perPost = (count: PhaseCount, posts: number) => ({
    calls: posts === 0 ? NaN : count.calls / posts,
    tokens: posts === 0 ? NaN : count.promptTokens / posts,
  });
  const ours = perPost(counts.plume, plume.finished);
  const naive = perPost(counts.naive, figures.naive.posts);
  const wallMs = plume.wallMs.start + plume.wallMs.run + plume.wallMs.place + plume.wallMs.checks;
  const modelMs = counts.plume.calls * figures.latencyMs;
  const ownMs = wallMs - figures.ledger.callMs;
  return { ours, naive, ratio: ours.tokens / naive.tokens, wallMs, modelMs, strictMs: wallMs - modelMs, ownMs };
}

export function renderPlanReport(figures: PlanFigures): { text: string; markdown: string } {
  const { plume, counts, machine } = figures;
  const s = summarise(figures);
  const met = {
    ratio: s.ratio <= TARGETS.tokenRatio,
    wall: s.ownMs < TARGETS.wallS * 1000,
    strict: s.strictMs < TARGETS.wallS * 1000,
  };
  const rows: string[][] = [
    [
      'Approach',
      'finished posts',
      'LLM calls',
      'per post',
      'prompt tokens',
      'per post',
      'calls by kind × mean prompt tokens',
    ],
    [
      'Plume (Content agent + content studio + placement)',
      String(plume.finished),
      String(counts.plume.calls),
      fixed(s.ours.calls, 2),
      counts.plume.promptTokens.toLocaleString('en-US'),
      fixed(s.ours.tokens, 0),
      kinds(counts.plume),
    ],
    [
      'Naive (one call per post with everything)',
      String(figures.naive.posts),
      String(counts.naive.calls),
      fixed(s.naive.calls, 2),
      counts.naive.promptTokens.toLocaleString('en-US'),
      fixed(s.naive.tokens, 0),
      kinds(counts.naive),
    ],
  ];
  const targetRows: string[][] = [
    ['Figure', 'value', 'target', 'met'],
    [
      'Prompt tokens per finished post, Plume ÷ naive',
      `${fixed(s.ratio * 100)} %`,
      `≤ ${TARGETS.tokenRatio * 100} %`,
      yesNo(met.ratio),
    ],
    [
      `Plume's wall time without model time (${fixed(s.wallMs / 1000, 2)} s − ${fixed(figures.ledger.callMs / 1000, 2)} s, the ${figures.ledger.calls} calls' time as the gateway measured it: the fake's ${figures.latencyMs} ms and its streamed answer)`,
      `${fixed(s.ownMs / 1000, 2)} s`,
      `< ${TARGETS.wallS} s`,
      yesNo(met.wall),
    ],
    [
      `The same, strict: only the fixed latency subtracted (${counts.plume.calls} calls × ${figures.latencyMs} ms)`,
      `${fixed(s.strictMs / 1000, 2)} s`,
      `< ${TARGETS.wallS} s`,
      yesNo(met.strict),
    ],
    [
      "CPU time of the bench process during Plume's way (app, runner, gateway, and the fake's own streaming)",
      `${fixed(figures.cpuMs / 1000, 2)} s`,
      'for information',
      '',
    ],
    [
      `SQL statements during Plume's way (${figures.sql.statements.toLocaleString('en-US')}), total time waiting for their answers`,
      `${fixed(figures.sql.ms / 1000, 2)} s`,
      'for information',
      '',
    ],
  ];
  const sqlRows: string[][] = [
    ['Statements most waited for (Plume’s way)', 'count', 'waited'],
    ...figures.sql.kinds
      .slice(0, 8)
      .map((kind) => [`\`${kind.statement.replace(/\|/g, '\\|')}…\``, String(kind.count), `${fixed(kind.ms, 0)} ms`]),
  ];
  const wallRows: string[][] = [
    ['Part of Plume’s way', 'wall time'],
    ['Start the run (checks, context, estimate of every call)', `${fixed(plume.wallMs.start)} ms`],
    [`Run (${plume.stepCount} steps, model time included)`, `${fixed(plume.wallMs.run)} ms`],
    ['Place each week', `${fixed(plume.wallMs.place)} ms`],
    ['Plan checks', `${fixed(plume.wallMs.checks)} ms`],
    ['Naive planner, for comparison (model time included)', `${fixed(figures.naive.wallMs)} ms`],
  ];
  const checkRows: string[][] = [
    ['Check', 'rule', 'verdict'],
    ...CHECKS.map(([check, rule]) => {
      const found = plume.violations.filter((violation) => violation.check === check);
      return [
        `\`${check}\``,
        rule,
        found.length === 0 ? 'passed' : `**${found.length} violation(s)**: ${found[0]!.message}`,
      ];
    }),
  ];
  const mixRows: string[][] = [
    ['Pillar', 'planned', 'planned share', 'strategy share'],
    ...plume.pillarMix.map((item) => [
      item.name,
      String(item.planned),
      `${fixed(item.plannedShare)} %`,
      item.strategyShare === null ? '—' : `${fixed(item.strategyShare)} %`,
    ]),
  ];
  const missed = [!met.ratio && 'token ratio', !met.wall && 'wall time'].filter(Boolean);
  const markdown = `## Planning a month (\`npm run bench:plan\`)

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage}, at end ${figures.loadAfter.map((value) => value.toFixed(2)).join(' / ')})  
Date: ${figures.date.toISOString()} · Node ${machine.node} · Command: \`npm run bench:plan\`

One month (${figures.month}) for a workspace (Europe/Berlin) onboarded from the SaaS industry template with LinkedIn, X and Bluesky at
5 posts a week each, one account per network with ${(figures.historyPosts / 3).toLocaleString('en-US')} measured posts of history each, a full brand profile. The app is built as
\`plume start\` builds it, in this process, over embedded PostgreSQL. **Plume's way**: the Content agent started over the API for the month
(checked and estimated), run by the runner as the \`agent_run\` job runs it (a briefs call per week, then each brief's draft through the content
studio with its voice check), each week placed over the API, then the plan checks. **Naive**: one call per post through the same gateway, each
carrying the whole brand profile, strategy, template copy and the account's last 100 posts with their metrics (bench/lib/plan-naive.ts).
Both ask the same Ollama fake, which answers in the recorded shapes after ${figures.latencyMs} ms and counts calls and prompt tokens with one rule
for both (characters ÷ 4 over system and messages, what it reports as \`prompt_eval_count\`). Run state: ${plume.runState}.

${markdownTable(rows)}

${markdownTable(targetRows)}

${markdownTable(wallRows)}

${markdownTable(sqlRows)}

Plan checks (\`checkPlan\` over the placed month, \`GET …/plans/{planId}/checks\`): ${plume.briefs} briefs, ${plume.drafted} drafted, ${plume.placed} placed${plume.unplaced.length > 0 ? ` (not placed: ${plume.unplaced.slice(0, 3).join(' / ')})` : ''}.

${markdownTable(checkRows)}

${markdownTable(mixRows)}

${missed.length === 0 ? 'Both targets met.' : `Missed: ${missed.join(', ')}.`}

${planNotes}
`;
  const plain = (table: string[][]) =>
    textTable(table.map((row) => row.map((cell) => cell.replace(/\*\*/g, '').replace(/`/g, ''))));
  const text = [rows, targetRows, wallRows, sqlRows, checkRows, mixRows].map(plain).join('\n\n');
  return { text, markdown };
}
