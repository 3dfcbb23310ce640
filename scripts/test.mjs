// `npm test`: every suite (unit, integration on embedded PostgreSQL, routes, browser end-to-end),
// then one closing line `N passed, N failed` that CI reads. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const staticChecks = [
  { name: 'typecheck', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', args: ['eslint', '.'] },
  // The layer rules of docs/architecture.md (.dependency-cruiser.mjs).
  { name: 'layers', args: ['depcruise', 'apps', 'packages'] },
  // One formatter (Prettier, .prettierrc.json): `npm run format` rewrites, this only checks.
  { name: 'format', args: ['prettier', '--check', '.', '--log-level', 'warn'] },
];

const suites = [
  { name: 'unit, integration and routes', args: ['vitest', 'run'] },
  {
    name: 'browser end-to-end',
    args: ['vitest', 'run', '--config', 'vitest.e2e.config.ts'],
    before: ['node', 'scripts/ensure-web-build.mjs'],
  },
];

const only = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
let crashed = false;

// Static checks count as one test each: a type error or a broken house rule fails the run.
for (const check of staticChecks) {
  if (only && !check.name.includes(only)) continue;
  process.stdout.write(`\n=== ${check.name} ===\n`);
  const result = spawnSync('npx', check.args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else failed += 1;
}

// The Bluesky PDS peer uses better-sqlite3, which must be compiled for the Node that runs the tests.
if (!only || 'unit, integration and routes'.includes(only)) {
  const native = spawnSync('node', ['scripts/build-native.mjs'], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) {
    crashed = true;
    process.stdout.write('Could not build native modules for the test Node (scripts/build-native.mjs).\n');
  }
}

for (const [index, suite] of suites.entries()) {
  if (only && !suite.name.includes(only)) continue;
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  if (suite.before) {
    const prep = spawnSync(suite.before[0], suite.before.slice(1), { cwd: root, stdio: 'inherit' });
    if (prep.status !== 0) {
      crashed = true;
      continue;
    }
  }
  const output = path.join(resultsDir, `suite-${index}.json`);
  const run = spawnSync(
    'npx',
    [...suite.args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    { cwd: root, stdio: 'inherit' },
  );
  if (!existsSync(output)) {
    crashed = true;
    process.stdout.write(`Suite "${suite.name}" produced no results (exit ${run.status}).\n`);
    continue;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed to load counts as a failure even though no test inside it ran.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  failed += brokenFiles;
  // Tests that neither passed, failed nor were skipped on purpose never ran: their worker died (a crash
  // vitest reports as an "unhandled error" while it may still exit 0). Each one counts as failed.
  const neverRan =
    report.numTotalTests - report.numPassedTests - report.numFailedTests - report.numPendingTests - report.numTodoTests;
  if (neverRan > 0)
    process.stdout.write(`${neverRan} tests never ran (their test file's worker crashed); counted as failed.\n`);
  failed += Math.max(0, neverRan);
  if (
    (run.status !== 0 || report.success === false) &&
    report.numFailedTests === 0 &&
    brokenFiles === 0 &&
    neverRan <= 0
  )
    crashed = true;
}

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || crashed ? 1 : 0);
