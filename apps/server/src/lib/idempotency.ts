import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyKeys } from '@plume/db/schema/platform';
import { AppError } from '@plume/errors/app-error';
import type { AppContext } from '../app-context.ts';

const keyPattern = /^[\w\-:.]{1,255}$/;
export const idempotencyWindowHours = 24;

type Created = { status: number; body: unknown };

/**
 * `holdsSecret`: the answer carries a credential shown once (an API key). It is kept encrypted under
 * the instance key, so neither the database nor a backup ever holds it in clear text.
 */
export type IdempotencyOptions = { holdsSecret?: boolean };

/**
 * Runs a creating handler at most once per `Idempotency-Key` and caller: a retry with the same key
 * and body gets the stored answer; the same key with another body is refused. A handler that fails
 * releases the key so the client can try again.
 */
export async function withIdempotency(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: string,
  create: () => Promise<Created>,
  options: IdempotencyOptions = {},
): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) {
    const created = await create();
    return reply.status(created.status).send(created.body);
  }
  if (!keyPattern.test(key))
    throw AppError.validation('headers/idempotency-key', 'Use 1–255 letters, digits, -, _, :, or .');

  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const db = context.db;
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.principal, principal),
        eq(idempotencyKeys.key, key),
        lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${idempotencyWindowHours})`),
      ),
    );
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ principal, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    if (!stored) throw new AppError('idempotency_in_progress');
    if (stored.requestHash !== requestHash) throw new AppError('idempotency_conflict');
    if (stored.responseStatus === null)
      throw new AppError('idempotency_in_progress', { headers: { 'retry-after': '1' } });
    // The stored body is already plain JSON; skip the route's schema serializer (it expects Dates).
    return (
      reply
        .status(stored.responseStatus)
        .header('idempotency-replayed', 'true')
        // A custom serializer sets no content type: say it is JSON, as the first answer did.
        .type('application/json; charset=utf-8')
        .serializer((payload) => JSON.stringify(payload))
        .send(options.holdsSecret ? unseal(context, stored.responseBody) : stored.responseBody)
    );
  }
  let created: Created;
  try {
    created = await create();
  } catch (error) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    throw error;
  }
  // Stored as JSON the way the client received it (dates as strings), so a replay is byte-for-byte alike.
  const json = JSON.stringify(created.body ?? null);
  const body: unknown = options.holdsSecret ? { sealed: context.keyring.encrypt(json) } : JSON.parse(json);
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: created.status, responseBody: body })
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  return reply.status(created.status).send(created.body);
}

function unseal(context: AppContext, stored: unknown): unknown {
  const sealed = (stored as { sealed?: unknown } | null)?.sealed;
  if (typeof sealed !== 'string')
    throw new AppError('internal', { detail: 'A stored idempotent answer could not be read.' });
  return JSON.parse(context.keyring.decrypt(sealed));
}
