import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Web tests are `*.test.ts` of pure helpers (node, no DOM); `.tsx` components stay out (lint keeps it so).
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'tests/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
