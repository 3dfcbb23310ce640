/**
 * How to run the `plume` command from the repository root, for tools that start it as a child process
 * (browser tests, benchmarks). Mirrors the `start` and `plume` scripts in package.json.
 */
export const plumeNodeArgs = ['--import', './apps/cli/src/fast-resolve.ts', 'apps/cli/src/main.ts'] as const;
