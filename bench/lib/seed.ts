// Seeds a running Plume for the API benchmark: one verified user, a workspace, 10,000 audit events.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export type Seeded = { token: string; workspaceId: string; auditEvents: number };

/** better-auth wants an Origin it trusts on state-changing requests: Plume's public URL (localhost by default). */
async function post(
  baseUrl: string,
  route: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl.replace('127.0.0.1', 'localhost'), ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

/** The embedded cluster's superuser URL for the `plume` database (password beside the cluster). */
export async function embeddedDatabaseUrl(dataDir: string, pgPort: number): Promise<string> {
  const password = (await readFile(path.join(dataDir, 'postgres.password'), 'utf8')).trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/plume`;
}

export async function seed(baseUrl: string, databaseUrl: string, auditEvents: number): Promise<Seeded> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
  const password = `bench-${randomBytes(12).toString('hex')}`;
  const name = 'Bench User';
  await expectStatus(await post(baseUrl, '/api/v1/auth/sign-up/email', { name, email, password }), 200, 'sign-up');

  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
    query_timeout: 30_000,
  });
  await client.connect();
  try {
    const verified = await client.query<{ id: string }>(
      'UPDATE users SET email_verified = true WHERE email = $1 RETURNING id',
      [email],
    );
    const userId = verified.rows[0]?.id;
    if (!userId) throw new Error('the signed-up user is not in the users table');

    const signIn = await post(baseUrl, '/api/v1/auth/sign-in/email', { email, password });
    await expectStatus(signIn, 200, 'sign-in');
    await signIn.arrayBuffer();
    const token = signIn.headers.get('set-auth-token');
    if (!token) throw new Error('sign-in gave no set-auth-token header');

    const created = await post(
      baseUrl,
      '/api/v1/workspaces',
      { name: 'Bench workspace', kind: 'brand', timezone: 'UTC', locale: 'en' },
      { authorization: `Bearer ${token}` },
    );
    await expectStatus(created, 201, 'workspace creation');
    const workspace = (await created.json()) as { id?: unknown };
    if (typeof workspace.id !== 'string') throw new Error('workspace creation returned no id');

    await client.query(
      `INSERT INTO audit_events (workspace_id, actor_id, actor_type, actor_name, action, subject_type, subject_id, data, created_at)
       SELECT $1, $2, 'user', $3,
              (ARRAY['post.created', 'post.updated', 'post.scheduled', 'member.invited', 'api_key.created'])[1 + g % 5],
              'post', 'post_' || g,
              jsonb_build_object('n', g, 'title', 'Seeded event ' || g, 'changes', jsonb_build_array('text', 'schedule')),
              now() - make_interval(mins => $4::int - g)
       FROM generate_series(1, $4::int) AS g`,
      [workspace.id, userId, name, auditEvents],
    );
    await client.query('ANALYZE audit_events');
    const counted = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM audit_events WHERE workspace_id = $1',
      [workspace.id],
    );
    return { token, workspaceId: workspace.id, auditEvents: Number(counted.rows[0]?.n ?? 0) };
  } finally {
    await client.end();
  }
}
