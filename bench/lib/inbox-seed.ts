// Seeds the inbox ingestion benchmark's accounts (tokens encrypted as the app stores them) and queues one
// `read_inbox` job per account the way `queue_inbox_reads` does (cursor row, keyed job); replays the GET
// requests the fakes received with plain fetch for the raw HTTP baseline.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaces } from '@plume/db/schema/workspaces';
import type { FakeNetworkServer } from '@plume/testing/fakes/fake-network-server';
import type { InboxAccount } from './inbox-fakes.ts';
import { seedAccounts } from './publish-seed.ts';

async function newWorkspace(db: Database, name: string): Promise<string> {
  const id = randomUUID();
  await db.insert(workspaces).values({ id, name, slug: `bench-${id}` });
  return id;
}

/** Mastodon and Bluesky accounts in one workspace; each X account in its own (they share the fake's user). */
export async function seedInboxAccounts(
  db: Database,
  input: { secretKey: string; accounts: readonly InboxAccount[] },
): Promise<string[]> {
  const shared = await newWorkspace(db, 'Inbox bench');
  const others = input.accounts.filter((account) => account.network !== 'x');
  const ids = await seedAccounts(db, { secretKey: input.secretKey, accounts: others, workspaceId: shared });
  for (const account of input.accounts.filter((item) => item.network === 'x')) {
    const workspaceId = await newWorkspace(db, 'Inbox bench X');
    ids.push(...(await seedAccounts(db, { secretKey: input.secretKey, accounts: [account], workspaceId })));
  }
  return ids;
}

/** One cursor row and one keyed `read_inbox` job per account, as `queueInboxReads` writes them. */
export async function queueReads(db: Database): Promise<number> {
  await db.execute(sql`
    INSERT INTO inbox_cursors (account_id, workspace_id, next_read_at)
    SELECT id, workspace_id, now() + interval '10 minutes' FROM social_accounts
    ON CONFLICT (account_id) DO NOTHING`);
  const queued = await db.execute<{ id: string }>(sql`
    SELECT (graphile_worker.add_job('read_inbox', json_build_object('accountId', id),
      job_key => 'read_inbox:' || id, job_key_mode => 'preserve_run_at', max_attempts => 5)).id AS id
    FROM social_accounts`);
  return queued.rows.length;
}

export type RawReplay = { requests: number; ms: number; failed: number; bytes: number };

/**
 * Sends again, with plain fetch, every GET the fakes received during the engine's run (same paths, queries
 * and Authorization), `perHost` at a time per host, as Plume's limiter allows: the network's share of the
 * time, with nothing parsed or stored.
 */
export async function replayGets(servers: readonly FakeNetworkServer[], perHost: number): Promise<RawReplay> {
  const byHost = servers.map((server) =>
    server.requests
      .filter((request) => request.method === 'GET')
      .map((request) => {
        const query = request.query.toString();
        const authorization = request.headers.authorization;
        return {
          url: `${server.url}${request.path}${query === '' ? '' : `?${query}`}`,
          headers: authorization === undefined ? new Headers() : new Headers({ authorization }),
        };
      }),
  );
  for (const server of servers) server.requests.length = 0;
  let failed = 0;
  let bytes = 0;
  const startedAt = performance.now();
  await Promise.all(
    byHost.flatMap((requests) => {
      let next = 0;
      return Array.from({ length: perHost }, async () => {
        while (next < requests.length) {
          const request = requests[next];
          next += 1;
          if (request === undefined) continue;
          const response = await fetch(request.url, { headers: request.headers });
          bytes += (await response.arrayBuffer()).byteLength;
          if (!response.ok) failed += 1;
        }
      });
    }),
  );
  return {
    requests: byHost.reduce((sum, list) => sum + list.length, 0),
    ms: performance.now() - startedAt,
    failed,
    bytes,
  };
}
