// `npm run bench:inbox-list [-- --items N]`: 1,000,000 stored inbox items (bench/lib/inbox-list-seed.ts), then
// the inbox list's filtered first page and a filtered later page through real HTTP against the same query in
// plain SQL on one connection, in the same run: p50/p95 and the ratio, with EXPLAIN of the plain queries.
// Target: p95 < 50 ms. Prints a table and updates docs/benchmarks.md (a reduced --items run does not).
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createUser, createWorkspaceAs, addMember } from '../apps/server/src/test-support/factories.ts';
import { startBenchApp } from './lib/inbox-app.ts';
import { seedInbox } from './lib/inbox-list-seed.ts';
import { percentile } from './lib/load.ts';
import { describeMachine, formatWithPrettier, markdownTable, writeSection } from './lib/report.ts';

const itemsArg = process.argv.indexOf('--items');
const items = itemsArg > 0 ? Number(process.argv[itemsArg + 1]) : 1_000_000;
const samples = 200;
const laterPage = 20;

const columns = `c.*, a.handle AS account_handle, u.name AS assignee_name,
  to_char(c.last_item_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;
const from = `FROM inbox_conversations c JOIN social_accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.assignee_id`;
const open = `(c.status = 'open' OR (c.status = 'snoozed' AND (c.snoozed_until IS NULL OR c.snoozed_until <= now())))`;

type Case = { name: string; url: string; sql: string; params: unknown[] };

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
    const member = await createUser(t.app, t.db, { name: 'Bench Member' });
    const workspace = await createWorkspaceAs(t.app, owner);
    await addMember(t.app, workspace, owner, member, 'editor');
    const client = new pg.Client({ connectionString: t.databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    const seedStart = performance.now();
    const conversations = await seedInbox(client, {
      workspaceId: workspace.id,
      ownerId: owner.id,
      memberId: member.id,
      items,
    });
    const seedS = (performance.now() - seedStart) / 1000;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}/api/v1/workspaces/${workspace.id}/inbox/conversations`;
    let requests = 0;
    const get = async (query: string) => {
      requests += 1;
      const forwardedFor = `10.9.${(requests >> 8) & 255}.${requests & 255}`;
      const response = await fetch(`${base}?${query}`, {
        headers: { ...owner.headers, 'x-forwarded-for': forwardedFor },
      });
      if (response.status !== 200) throw new Error(`${query} → ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ items: unknown[]; nextCursor: string | null }>;
    };
    // The later page: follow the cursor of `assignee=me&status=open` to page `laterPage`.
    const laterQuery = 'status=open&assignee=me&limit=50';
    let cursor: string | null = null;
    for (let page = 1; page < laterPage; page++)
      cursor = (await get(`${laterQuery}${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
    if (cursor === null) throw new Error('not enough conversations for the later page');
    const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('_');
    const cases: Case[] = [
      {
        name: 'first page: status=open, network=mastodon, sentiment=negative',
        url: 'status=open&network=mastodon&sentiment=negative&limit=50',
        sql: `SELECT ${columns} ${from} WHERE c.workspace_id = $1 AND ${open} AND c.network = 'mastodon' AND c.sentiment = 'negative' ORDER BY c.last_item_at DESC NULLS LAST, c.id LIMIT 51`,
        params: [workspace.id],
      },
      {
        name: `page ${laterPage}: status=open, assignee=me`,
        url: `${laterQuery}&cursor=${cursor}`,
        sql: `SELECT ${columns} ${from} WHERE c.workspace_id = $1 AND ${open} AND c.assignee_id = $2 AND c.last_item_at <= $3::timestamptz AND (c.last_item_at < $3::timestamptz OR c.id > $4) ORDER BY c.last_item_at DESC NULLS LAST, c.id LIMIT 51`,
        params: [workspace.id, owner.id, at, id],
      },
      {
        name: 'first page: tag=vip, unread',
        url: 'tag=vip&unread=true&limit=50',
        sql: `SELECT ${columns} ${from} WHERE c.workspace_id = $1 AND c.tags @> ARRAY['vip'] AND c.unread_count > 0 ORDER BY c.last_item_at DESC NULLS LAST, c.id LIMIT 51`,
        params: [workspace.id],
      },
    ];
    const rows: string[][] = [
      ['Query', 'API p50 ms', 'API p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'p95 ratio', 'Met (< 50 ms)'],
    ];
    const plans: string[] = [];
    for (const item of cases) {
      const api = await time(() => get(item.url));
      const plain = await time(() => client.query(item.sql, item.params));
      const apiRows = (await get(item.url)).items.length;
      const sqlRows = Math.min(50, (await client.query(item.sql, item.params)).rowCount ?? 0);
      if (apiRows !== sqlRows) throw new Error(`${item.name}: API gave ${apiRows} rows, SQL ${sqlRows}`);
      const p95 = percentile(api, 95);
      rows.push([
        item.name,
        percentile(api, 50).toFixed(1),
        p95.toFixed(1),
        percentile(plain, 50).toFixed(1),
        percentile(plain, 95).toFixed(2),
        `${(p95 / percentile(plain, 95)).toFixed(1)}×`,
        p95 < 50 ? 'yes' : 'no',
      ]);
      const explain = await client.query(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${item.sql}`,
        item.params,
      );
      plans.push(`${item.name}:\n${explain.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')}`);
    }
    await client.end();
    const machine = describeMachine();
    const report = [
      `Run ${new Date().toISOString()} · ${items.toLocaleString('en')} items in ${conversations.toLocaleString('en')} conversations over 500 accounts, 3 networks (seeded in ${seedS.toFixed(0)} s) · ${samples} sequential requests per query after 20 warm-up · ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage}`,
      '',
      markdownTable(rows),
      '',
      'The API figure is the whole request over real HTTP (authentication, workspace check, validation, the query, JSON); the SQL figure is the same query on one open connection. Plans of the plain queries (EXPLAIN ANALYZE):',
      '',
      '```text',
      plans.join('\n\n'),
      '```',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    if (itemsArg < 0) {
      writeSection('docs/benchmarks.md', 'inbox-list', `## Inbox list (\`npm run bench:inbox-list\`)\n\n${report}`);
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
