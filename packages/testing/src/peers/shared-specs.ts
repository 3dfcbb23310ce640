/**
 * The published OpenAPI specs the contract tests use live in ../shared/specs beside the clone, not in
 * the repository. Without them a contract test skips and says why in the test output; in CI, where
 * ../shared is always beside the clone, it fails instead, so a lost folder cannot pass unseen.
 */
import { existsSync } from 'node:fs';
import type { TestContext } from 'vitest';
import { isContinuousIntegration } from '@plume/config/ci-environment';

/** Why the specs cannot be used (`…/x-api-v2.openapi.json is missing`), or undefined when all are there. */
export function missingSharedSpecs(
  paths: readonly string[],
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const missing = paths.filter((path) => !exists(path));
  return missing.length === 0
    ? undefined
    : `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (../shared/specs beside the clone)`;
}

let warned = false;

/**
 * Call first in a contract test (or its `beforeEach`): does nothing when the specs are there; else
 * skips the test with the reason, or fails it in CI.
 */
export function requireSharedSpecs(
  context: TestContext,
  missing: string | undefined,
  ci: boolean = isContinuousIntegration(),
): void {
  if (missing === undefined) return;
  if (ci)
    throw new Error(`${missing}. CI runs with ../shared beside the clone, so the contract tests must not skip there.`);
  if (!warned) {
    warned = true;
    console.warn(`Contract tests SKIPPED: ${missing}.`);
  }
  context.skip(`skipped: ${missing}`);
}
