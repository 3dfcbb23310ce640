// The API benchmark's baseline: loaded into the Plume process itself (`node --import` before Plume, see
// spawnPlume's `preload`), it serves the audit-log page from a bare Fastify instance on its own port.
// Same process, so the baseline shares Plume's Node, event loop, heap, CPU and PostgreSQL; it is loaded
// only between requests to the real route, so neither slows the other. It runs the real route's SQL
// through `pg` (the statements drizzle sends, copied verbatim, prepared like Plume's) and answers the same
// JSON bytes, checked by the bench before it measures. No schemas, plugins, hooks or ORM.
//   GET /bare/workspaces/:id/audit-log   the route's own work: the caller from its bearer token (remembered
//                                        per token, as Plume's session memo does), the membership and role
//                                        statement, the page statement, the JSON
//   GET /bare-page/workspaces/:id/audit-log   the page statement and the JSON only
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';

const port = Number(process.env.BENCH_BARE_PORT);

// Verbatim from drizzle's `.toSQL()` of packages/core's prepared statements (find_workspace_for_user, list_audit_events).
const membershipSql =
  'select "workspaces"."id", "workspaces"."name", "workspaces"."slug", "workspaces"."kind", "workspaces"."timezone", "workspaces"."locale", "workspaces"."created_at", "members"."role" from "members" inner join "workspaces" on "workspaces"."id" = "members"."workspace_id" where ("members"."workspace_id" = $1 and "members"."user_id" = $2)';
const pageSql =
  'select "id", "workspace_id", "actor_id", "actor_type", "actor_name", "action", "subject_type", "subject_id", "data", "created_at" from "audit_events" where ("audit_events"."workspace_id" = $1 and "audit_events"."id" < $2) order by "audit_events"."id" desc limit $3';
const sessionSql = 'select "user_id" from "sessions" where "token" = $1 and "expires_at" > now()';

type EventRow = {
  id: string;
  actor_id: string | null;
  actor_type: string;
  actor_name: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
};

let pool: pg.Pool | null = null;

/** The embedded cluster Plume starts (same URL as bench/lib/seed.ts), opened on the first request. */
function database(): pg.Pool {
  if (pool) return pool;
  const dataDir = process.env.PLUME_DATA_DIR ?? '';
  const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${process.env.EMBEDDED_PG_PORT}/plume`;
  // Plume's own pool: DATABASE_POOL_SIZE (10 by default).
  pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'bench-bare' });
  pool.on('error', () => undefined);
  return pool;
}

const callers = new Map<string, string>();

async function userOf(authorization: string | undefined): Promise<string | null> {
  if (!authorization?.startsWith('Bearer ')) return null;
  const known = callers.get(authorization);
  if (known) return known;
  const token = decodeURIComponent(authorization.slice('Bearer '.length)).split('.')[0] ?? '';
  const { rows } = await database().query<{ user_id: string }>({
    name: 'bare_session',
    text: sessionSql,
    values: [token],
  });
  const userId = rows[0]?.user_id ?? null;
  if (userId) callers.set(authorization, userId);
  return userId;
}

type PageRequest = FastifyRequest<{ Params: { workspaceId: string }; Querystring: { limit?: string } }>;

async function page(request: PageRequest) {
  const limit = Number(request.query.limit ?? 50);
  const { rows } = await database().query<EventRow>({
    name: 'bare_page',
    text: pageSql,
    values: [request.params.workspaceId, Number.MAX_SAFE_INTEGER, limit + 1],
  });
  const items = rows.slice(0, limit).map((row) => ({
    id: Number(row.id),
    actorId: row.actor_id,
    actorType: row.actor_type,
    actorName: row.actor_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    data: row.data,
    createdAt: row.created_at,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? Buffer.from(String(last.id), 'utf8').toString('base64url') : null,
  };
}

const adminRoles = new Set(['owner', 'admin']);

async function authorizedPage(request: PageRequest, reply: FastifyReply) {
  const userId = await userOf(request.headers.authorization);
  if (!userId) return reply.code(401).send({ code: 'unauthenticated' });
  const { rows } = await database().query<{ role: string }>({
    name: 'bare_membership',
    text: membershipSql,
    values: [request.params.workspaceId, userId],
  });
  const role = rows[0]?.role;
  if (!role) return reply.code(404).send({ code: 'not_found' });
  if (!adminRoles.has(role)) return reply.code(403).send({ code: 'forbidden' });
  return page(request);
}

if (Number.isInteger(port) && port > 0) {
  const app = Fastify({ logger: false });
  app.get('/bare/workspaces/:workspaceId/audit-log', authorizedPage);
  app.get('/bare-page/workspaces/:workspaceId/audit-log', page);
  await app.listen({ host: '127.0.0.1', port });
  // Plume owns the process: it must not stay up for this server once Plume has stopped.
  app.server.unref();
}
