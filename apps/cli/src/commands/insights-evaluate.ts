import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluateHistory, MIN_EVALUATION_POSTS, type Evaluation } from '@plume/insights/evaluate/evaluate-history';
import { HistoryCsvError, readHistoryCsv } from '@plume/insights/history/read-history-csv';
import { isValidZone } from '@plume/insights/time/zoned-time';
import { describeFileError, isFileError } from '../describe-file-error.ts';

export type EvaluateOptions = { csv?: string | undefined; json?: boolean | undefined; zone?: string | undefined };
export type CommandOutput = { exitCode: number; stdout: string; stderr: string };

const MAX_LISTED_ROW_ERRORS = 10;

const fail = (message: string): CommandOutput => ({ exitCode: 1, stdout: '', stderr: `plume: ${message}\n` });

function formatNumber(value: number | null): string {
  return value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(3);
}

function describeEvaluation(file: string, format: string, evaluation: Evaluation): string {
  const beats =
    evaluation.mae_log < evaluation.baseline_median_mae_log && evaluation.mae_log < evaluation.baseline_recent_mae_log;
  const hours = evaluation.best_hours.map((hour) => `${String(hour).padStart(2, '0')}:00`).join(', ');
  const rows: [string, string][] = [
    ['n_train', String(evaluation.n_train)],
    ['n_test', String(evaluation.n_test)],
    ['spearman (predicted vs actual)', formatNumber(evaluation.spearman)],
    ['mae_log (mean |error| of log(1+engagements))', formatNumber(evaluation.mae_log)],
    ['baseline_median_mae_log (train median)', formatNumber(evaluation.baseline_median_mae_log)],
    ['baseline_recent_mae_log (last 100 train posts)', formatNumber(evaluation.baseline_recent_mae_log)],
    [`best_hours (${evaluation.zone})`, hours],
    ['best_hours_lift (test posts in them ÷ all)', formatNumber(evaluation.best_hours_lift)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return [
    `${path.basename(file)} (${format} format): fitted on the first 80 % in time order, tested on the rest.`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`),
    beats ? 'The prediction beats both baselines.' : 'The prediction does NOT beat both baselines on this history.',
  ].join('\n');
}

/**
 * `plume insights evaluate --csv FILE [--json] [--zone ZONE]`: how well Plume's learning does on one
 * account's history (docs/analytics.md "How good the predictions are"). Returns what to print, so
 * tests run it in-process.
 */
export async function runInsightsEvaluate(options: EvaluateOptions): Promise<CommandOutput> {
  const zone = options.zone ?? 'UTC';
  if (!options.csv)
    return fail('insights evaluate needs the history file: --csv FILE (FiveThirtyEight or generic format).');
  if (!isValidZone(zone))
    return fail(`--zone ${zone} is not a time zone this system knows: use an IANA name such as Europe/Paris.`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.csv);
  } catch (error) {
    if (isFileError(error)) return fail(describeFileError(error, options.csv, 'file'));
    throw error;
  }
  let history;
  try {
    history = readHistoryCsv(bytes);
  } catch (error) {
    if (error instanceof HistoryCsvError) return fail(`${options.csv}: ${error.message}`);
    throw error;
  }
  const warnings = history.errors
    .slice(0, MAX_LISTED_ROW_ERRORS)
    .map((row) => `plume: ${options.csv} line ${row.line} left out: ${row.message}\n`);
  if (history.errors.length > MAX_LISTED_ROW_ERRORS)
    warnings.push(`plume: … and ${history.errors.length - MAX_LISTED_ROW_ERRORS} more rows left out.\n`);
  if (history.posts.length < MIN_EVALUATION_POSTS)
    return {
      exitCode: 1,
      stdout: '',
      stderr: `${warnings.join('')}plume: ${options.csv} has ${history.posts.length} readable posts; the evaluation needs at least ${MIN_EVALUATION_POSTS}.\n`,
    };
  const evaluation = evaluateHistory(history.posts, zone);
  const stdout = options.json
    ? `${JSON.stringify(evaluation, null, 2)}\n`
    : `${describeEvaluation(options.csv, history.format, evaluation)}\n`;
  return { exitCode: 0, stdout, stderr: warnings.join('') };
}

/** The command as `plume` runs it: prints and sets the exit code. */
export async function insightsEvaluateCommand(options: EvaluateOptions): Promise<void> {
  const result = await runInsightsEvaluate(options);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.exitCode !== 0) process.exit(result.exitCode);
}
