// The layer rules bite: depcruise with the repository's own configuration, run on a fixture where each
// file breaks one rule on purpose (and a few files show what stays allowed), reports exactly those.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'tests/fixtures/layers');

type Violation = { rule: { name: string }; from: string; to: string };

function cruiseFixture(): Violation[] {
  const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
  const run = spawnSync(
    process.execPath,
    [bin, '--config', path.join(root, '.dependency-cruiser.mjs'), '--output-type', 'json', 'apps', 'packages'],
    { cwd: fixture, encoding: 'utf8' },
  );
  if (run.stdout === '') throw new Error(`depcruise produced no output: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layer rules (.dependency-cruiser.mjs)', () => {
  it('reports every deliberately wrong import in the fixture, and nothing else', () => {
    const found = cruiseFixture().map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
    expect(found.sort()).toEqual([
      'apps-stay-apart: apps/server/src/imports-cli.ts → apps/cli/src/command.ts',
      'base-layer-stays-at-the-base: packages/http/src/imports-networks.ts → packages/networks/src/manifest.ts',
      'core-is-not-imported-by-lower-layers: packages/llm/src/imports-core.ts → packages/core/src/logic.ts',
      'database-only-from-core-and-apps: packages/llm/src/reads-the-database.ts → packages/db/src/client.ts',
      'database-only-from-core-and-apps: packages/llm/src/uses-drizzle.ts → ../../../node_modules/drizzle-orm/index.d.ts',
      'insights-is-pure-learning: packages/insights/src/imports-networks.ts → packages/networks/src/manifest.ts',
      'middle-layer-siblings-stay-apart: packages/llm/src/imports-networks.ts → packages/networks/src/manifest.ts',
      'no-circular: packages/core/src/cycle-a.ts → packages/core/src/cycle-b.ts',
      'packages-never-import-apps: packages/networks/src/imports-an-app.ts → apps/server/src/route.ts',
      'testing-only-from-tests: packages/core/src/uses-a-fake.ts → packages/testing/src/fake.ts',
      'web-imports-only-the-contract: apps/web/src/imports-core.ts → packages/core/src/logic.ts',
    ]);
  });
});
