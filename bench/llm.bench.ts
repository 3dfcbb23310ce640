// `npm run bench:llm`: the LLM gateway's own latency. The same 2,000 requests go to the Ollama fake
// through the AI SDK directly, through our Ollama provider (what the gateway calls) and through the
// gateway (routing, budget check, cache lookup, ledger write: a cache miss each time), plus 2,000 cache
// hits, one request at a time, interleaved in rounds in one run. Added latency = gateway − provider.
// Checks the ledger and the cache afterwards, prints a table and updates docs/benchmarks.md.
import os from 'node:os';
import path from 'node:path';
import { runRounds, warmUp } from './lib/llm-measure.ts';
import { createPaths, PATHS } from './lib/llm-paths.ts';
import { renderLlmReport } from './lib/llm-report.ts';
import { startLlmStack, type StackHandle } from './lib/llm-setup.ts';
import { failedChecks, verifyLedger } from './lib/llm-verify.ts';
import { describeMachine, formatWithPrettier, writeSection } from './lib/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const settings = {
  /** Requests per path: the issue's 2,000. */
  requests: 2000,
  rounds: 4,
  /** Within a round the paths take turns this many requests at a time. */
  slice: 10,
  /** Untimed requests per path first. */
  warmup: 300,
  /** One request at a time: latency without queueing. */
  concurrency: 1,
  watchdogS: 300,
};

let handle: StackHandle | null = null;

function log(message: string): void {
  process.stderr.write(`[bench:llm] ${message}\n`);
}

async function cleanUp(): Promise<void> {
  const running = handle;
  handle = null;
  if (running) await running.close();
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

  let report: ReturnType<typeof renderLlmReport>;
  try {
    handle = await startLlmStack(log);
    const stack = handle.stack;
    if (stack === null) throw new Error('the stack did not start');
    const paths = createPaths(stack);
    log(`warming up: ${settings.warmup} requests per path…`);
    const warm = await warmUp(paths, settings.warmup);
    const perRound = settings.requests / settings.rounds;
    log(
      `measuring: ${settings.rounds} rounds × ${perRound} requests per path in turns of ${settings.slice}, ${settings.concurrency} in flight…`,
    );
    const result = await runRounds(paths, {
      rounds: settings.rounds,
      perRound,
      slice: settings.slice,
      concurrency: settings.concurrency,
      onRound: (round, p50) =>
        log(`round ${round}: p50 ${PATHS.map((name) => `${name} ${p50[name].toFixed(2)} ms`).join(', ')}`),
    });
    const { figures } = result;
    const wrong = PATHS.reduce((sum, name) => sum + figures[name].wrong + warm[name].wrong, 0);
    const checks = await verifyLedger(stack, {
      misses: settings.warmup + figures.gateway.requests + 1,
      hits: settings.warmup - 1 + figures.cacheHit.requests,
      directCalls: 2 * settings.warmup + figures.sdk.requests + figures.provider.requests,
    });
    const unexpectedHits =
      figures.gateway.cacheHits + warm.gateway.cacheHits + (figures.cacheHit.requests - figures.cacheHit.cacheHits);
    checks.push(
      { what: 'answers that were not the expected text', expected: 0, actual: wrong },
      { what: 'misses served from the cache, or hits not', expected: 0, actual: unexpectedHits },
    );
    report = renderLlmReport({
      result,
      checks,
      settings,
      poolSize: stack.poolSize,
      machine,
      loadAfter: os.loadavg(),
      date: startedAt,
      command: 'npm run bench:llm',
    });
    const failed = failedChecks(checks);
    if (failed.length > 0)
      throw new Error(
        `checks failed:\n${failed.map((check) => `  ${check.what}: expected ${check.expected}, got ${check.actual}`).join('\n')}\n\n${report.text}`,
      );
  } finally {
    await cleanUp();
  }
  clearTimeout(watchdog);
  process.stdout.write(`\n${report.text}\n`);
  if (process.argv.includes('--no-write')) return log('--no-write: docs/benchmarks.md left as it was');
  const file = path.join(root, 'docs/benchmarks.md');
  writeSection(file, 'llm', report.markdown);
  await formatWithPrettier(file);
  log(`wrote ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
