/**
 * Whether this process runs in continuous integration: `CI` is set (to anything but `false` or `0`),
 * as `.ci/run` and CI services do. Tests that would skip for want of something CI always has (the
 * published specs in ../shared) fail there instead of skipping unseen.
 */
export function isContinuousIntegration(env: Record<string, string | undefined> = process.env): boolean {
  const value = env['CI']?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Whether a reference-image test should rewrite its stored references (`UPDATE_REFERENCES=1`)
 * instead of comparing against them. Never set in CI.
 */
export function isUpdatingReferences(env: Record<string, string | undefined> = process.env): boolean {
  return env['UPDATE_REFERENCES'] === '1' && !isContinuousIntegration(env);
}
