// `npm run bench:media-vault [-- --items N]`: N (100,000) vault items in one workspace plus two noise workspaces
// of N/2 (bench/lib/media-vault-seed.ts), then filtered vault pages through real HTTP against the same query in
// plain SQL on one connection, in the same run: p50/p95 and the ratio, with EXPLAIN of the plain queries.
// Target: p95 < 50 ms for a filtered page. Updates docs/benchmarks.md (a reduced --items run does not).
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { vaultWhere, type VaultFilters } from '@plume/core/media/list-vault';
import { VAULT_COLUMNS, withItemExtras } from '@plume/core/media/vault-item';
import { createUser, createWorkspaceAs } from '../apps/server/src/test-support/factories.ts';
import { startBenchApp } from './lib/inbox-app.ts';
import { percentile } from './lib/load.ts';
import { seedVault } from './lib/media-vault-seed.ts';
import { describeMachine, formatWithPrettier, markdownTable, writeSection } from './lib/report.ts';

const itemsArg = process.argv.indexOf('--items');
const items = itemsArg > 0 ? Number(process.argv[itemsArg + 1]) : 100_000;
const samples = 200;

type Case = { name: string; filters: VaultFilters };

const cases: Case[] = [
  {
    name: 'kind=image, source=ai, approval=pending, tag=tag7, q=beach',
    filters: { kind: 'image', source: 'ai', approval: 'pending', tag: 'tag7', q: 'beach' },
  },
  { name: 'source=ai, approval=pending', filters: { source: 'ai', approval: 'pending' } },
  { name: 'q="sunset harbor"', filters: { q: 'sunset harbor' } },
  { name: 'kind=video, usage=unused', filters: { kind: 'video', usage: 'unused' } },
  { name: 'usage=used', filters: { usage: 'used' } },
  { name: 'no filter', filters: {} },
];

function queryOf(filters: VaultFilters): string {
  return new URLSearchParams({ ...(filters as Record<string, string>), limit: '50' }).toString();
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < 20; index++) await run();
  const times: number[] = [];
  for (let index = 0; index < samples; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const t = await startBenchApp();
  try {
    const owner = await createUser(t.app, t.db, { name: 'Bench Owner' });
    const workspace = await createWorkspaceAs(t.app, owner);
    const noise = [];
    for (let index = 0; index < 2; index++) {
      const other = await createUser(t.app, t.db, { name: `Noise ${index}` });
      noise.push((await createWorkspaceAs(t.app, other)).id);
    }
    const client = new pg.Client({ connectionString: t.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    const seedStart = performance.now();
    await seedVault(client, { workspaceId: workspace.id, noiseWorkspaceIds: noise, items });
    const seedS = (performance.now() - seedStart) / 1000;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1/workspaces/${workspace.id}/media`;
    let requests = 0;
    const get = async (query: string) => {
      requests += 1;
      const forwardedFor = `10.9.${(requests >> 8) & 255}.${requests & 255}`;
      const response = await fetch(`${base}?${query}`, {
        headers: { ...owner.headers, 'x-forwarded-for': forwardedFor },
      });
      if (response.status !== 200) throw new Error(`${query} → ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ items: unknown[] }>;
    };
    const rows: string[][] = [
      [
        'Filtered page (50 items)',
        'API p50 ms',
        'API p95 ms',
        'SQL p50 ms',
        'SQL p95 ms',
        'p95 ratio',
        'Met (< 50 ms)',
      ],
    ];
    const plans: string[] = [];
    for (const item of cases) {
      const { where, values } = vaultWhere(workspace.id, item.filters);
      const sql = withItemExtras(
        `SELECT ${VAULT_COLUMNS} FROM media_assets m WHERE ${where} ORDER BY m.seq DESC LIMIT 51`,
      );
      const api = await time(() => get(queryOf(item.filters)));
      const plain = await time(() => client.query(sql, values));
      const apiRows = (await get(queryOf(item.filters))).items.length;
      const sqlRows = Math.min(50, (await client.query(sql, values)).rowCount ?? 0);
      if (apiRows !== sqlRows) throw new Error(`${item.name}: API gave ${apiRows} rows, SQL ${sqlRows}`);
      const p95 = percentile(api, 95);
      rows.push([
        `${item.name} (${apiRows} rows)`,
        percentile(api, 50).toFixed(1),
        p95.toFixed(1),
        percentile(plain, 50).toFixed(1),
        percentile(plain, 95).toFixed(2),
        `${(p95 / percentile(plain, 95)).toFixed(1)}×`,
        p95 < 50 ? 'yes' : 'no',
      ]);
      const explain = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`, values);
      plans.push(`${item.name}:\n${explain.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}`);
    }
    await client.end();
    const machine = describeMachine();
    const report = [
      `Run ${new Date().toISOString()} · ${items.toLocaleString('en')} items in the workspace, ${(items / 2).toLocaleString('en')} in each of 2 noise workspaces, ${Math.floor(items / 40).toLocaleString('en')} posts using 2 items each (seeded in ${seedS.toFixed(0)} s) · ${samples} sequential requests per query after 20 warm-up · ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage}`,
      '',
      markdownTable(rows),
      '',
      "The API figure is the whole request over real HTTP (authentication, workspace check, validation, the query with each item's collections and used-in count, JSON); the SQL figure is the same query on one open connection. Plans of the plain queries (EXPLAIN ANALYZE):",
      '',
      '```text',
      plans.join('\n\n'),
      '```',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    if (itemsArg < 0) {
      writeSection(
        'docs/benchmarks.md',
        'media-vault',
        `## Media vault list (\`npm run bench:media-vault\`)\n\n${report}`,
      );
      await formatWithPrettier('docs/benchmarks.md');
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await t.close();
  }
}

await main();
