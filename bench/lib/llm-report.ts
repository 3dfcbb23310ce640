// Turns the LLM gateway benchmark's figures into the terminal table and the docs/benchmarks.md section.
import type { RoundsResult } from './llm-measure.ts';
import { PATH_LABELS, PATHS } from './llm-paths.ts';
import type { Check } from './llm-verify.ts';
import { markdownTable, textTable, type Machine } from './report.ts';
import { historyNotes } from './llm-history.ts';

export type LlmReportInput = {
  result: RoundsResult;
  checks: Check[];
  settings: { requests: number; rounds: number; slice: number; warmup: number; concurrency: number };
  poolSize: number;
  machine: Machine;
  loadAfter: number[];
  date: Date;
  command: string;
};

const TARGETS = { addedP50: 1, addedP99: 5, hitP50: 1 };

const ms = (value: number) => `${value.toFixed(2)} ms`;
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)} ms`;
const yesNo = (met: boolean) => (met ? 'yes' : '**no**');

export function renderLlmReport(input: LlmReportInput): { text: string; markdown: string } {
  const { figures } = input.result;
  const { sdk, provider, gateway, cacheHit } = figures;
  const added = { p50: gateway.p50 - provider.p50, p99: gateway.p99 - provider.p99 };
  const met = {
    p50: added.p50 <= TARGETS.addedP50,
    p99: added.p99 <= TARGETS.addedP99,
    hit: cacheHit.p50 <= TARGETS.hitP50,
  };
  const rows: string[][] = [
    ['Figure', 'p50', 'p99', 'Target', 'Met'],
    ...PATHS.map((name) => [
      `${PATH_LABELS[name]}: latency`,
      ms(figures[name].p50),
      ms(figures[name].p99),
      name === 'cacheHit' ? `p50 ≤ ${TARGETS.hitP50} ms total` : name === 'provider' ? 'baseline' : 'for information',
      name === 'cacheHit' ? yesNo(met.hit) : '',
    ]),
    [
      '**Added by the gateway** (gateway miss − provider)',
      signed(added.p50),
      signed(added.p99),
      `p50 ≤ ${TARGETS.addedP50} ms, p99 ≤ ${TARGETS.addedP99} ms`,
      `${yesNo(met.p50)} / ${yesNo(met.p99)}`,
    ],
    [
      'Gateway miss ÷ provider',
      `${(gateway.p50 / provider.p50).toFixed(2)}×`,
      `${(gateway.p99 / provider.p99).toFixed(2)}×`,
      'for information',
      '',
    ],
    [
      'Our provider − AI SDK direct (`@plume/http`, deadlines, error mapping)',
      signed(provider.p50 - sdk.p50),
      signed(provider.p99 - sdk.p99),
      'for information',
      '',
    ],
  ];
  const cpuRows: string[][] = [
    ['Path', 'mean', 'p90', 'max', 'CPU per request: bench process', 'CPU per request: PostgreSQL'],
    ...PATHS.map((name) => {
      const f = figures[name];
      return [PATH_LABELS[name], ms(f.mean), ms(f.p90), ms(f.max), ms(f.cpuMs), ms(f.postgresCpuMs)];
    }),
  ];
  const roundRows: string[][] = [
    ['Round', ...PATHS.map((name) => `${name} p50`), 'added p50'],
    ...Array.from({ length: input.settings.rounds }, (_, round) => [
      String(round + 1),
      ...PATHS.map((name) => ms(figures[name].roundP50[round] ?? Number.NaN)),
      signed((gateway.roundP50[round] ?? Number.NaN) - (provider.roundP50[round] ?? Number.NaN)),
    ]),
  ];
  const passed = input.checks.filter((check) => check.expected === check.actual).length;
  const checkRows: string[][] = [
    ['Check', 'expected', 'actual'],
    ...input.checks.map((check) => [check.what, String(check.expected), String(check.actual)]),
  ];
  const { machine } = input;
  const missed = [!met.p50 && 'p50 added', !met.p99 && 'p99 added', !met.hit && 'cache-hit p50'].filter(Boolean);

  const markdown = `## LLM gateway (\`${input.command}\`)

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os} (load average at start ${machine.loadAverage}, at end ${input.loadAfter.map((value) => value.toFixed(2)).join(' / ')})  
Date: ${input.date.toISOString()} · Node ${machine.node} · Command: \`${input.command}\`  

${input.settings.requests.toLocaleString('en-US')} requests per path to the Ollama fake on 127.0.0.1 (same prompt length on every path; the answer streams as ~20 NDJSON chunks),
${input.settings.concurrency} in flight, after ${input.settings.warmup} untimed requests per path. The paths take turns ${input.settings.slice} requests at a time (the order rotating), so load
from elsewhere on the shared machine falls on all of them alike; ${input.settings.rounds} rounds of ${input.settings.requests / input.settings.rounds} show the drift that remained.
The gateway is the app's (\`createLlmServices\`: provider directory, stored-policy lookup, breakers; default policy \`ollama/auto\` → llama3.2:3b)
over embedded PostgreSQL as \`plume start\` runs it (pool of ${input.poolSize}), for a workspace with a budget. Each miss is a new prompt, so it
pays routing, the budget check, the cache lookup, the call, the ledger row and the cache write. **Baseline**: the same call through the same
Ollama provider object the gateway uses (\`provider.generate\`: the AI SDK's \`streamText\` with ai-sdk-ollama over \`@plume/http\`); the bare AI SDK
with its own fetch is shown too. Added latency = gateway p50 (p99) − baseline p50 (p99). The cache-hit path repeats one request: total latency.
CPU: this process (client, gateway, the fake) and PostgreSQL's processes, per request.

${markdownTable(rows)}

${markdownTable(cpuRows)}

${markdownTable(roundRows)}

Checks after the run (${passed} of ${input.checks.length} passed): ledger rows, spend and cache entries counted in PostgreSQL, answers compared with the fake's echo.

${markdownTable(checkRows)}

${missed.length === 0 ? 'All three targets met.' : `Missed: ${missed.join(', ')}.`}

${historyNotes}
`;
  const text = [
    textTable(rows.map((row) => row.map((cell) => cell.replace(/\*\*/g, '').replace(/`/g, '')))),
    '',
    textTable(cpuRows.map((row) => row.map((cell) => cell.replace(/`/g, '')))),
    '',
    textTable(roundRows),
    '',
    textTable(checkRows),
  ].join('\n');
  return { text, markdown };
}
