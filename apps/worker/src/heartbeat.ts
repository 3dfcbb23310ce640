import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const heartbeatIntervalMs = 10_000;

/**
 * How often to beat: every 10 s, or a third of the stale window when that is shorter, so a live worker
 * is never taken for a dead one (a sweep would free its jobs and an agent run could go on twice).
 */
export const heartbeatEveryMs = (staleSeconds: number) => Math.min(heartbeatIntervalMs, (staleSeconds * 1000) / 3);

/**
 * Writes this worker's heartbeat now and every `everyMs` (10 s by default); `/ready` reads the freshest.
 * It also lists the queue's own worker ids in this process, so a sweep elsewhere can release their jobs if
 * we die. Resolves once the first beat is written: work this worker marks as its own (the dispatcher's
 * holds) must never exist before the heartbeat that lets a sweep find it after a crash.
 */
export function startHeartbeat(
  db: Database,
  workerId: string,
  queueWorkerIds: () => readonly string[],
  onError: (error: unknown) => void,
  everyMs = heartbeatIntervalMs,
): Promise<() => Promise<void>> {
  const beat = async () => {
    const ids = JSON.stringify(queueWorkerIds());
    await db.execute(sql`
      INSERT INTO worker_heartbeats (worker_id, hostname, pid, started_at, last_seen_at, queue_worker_ids)
      VALUES (${workerId}, ${os.hostname()}, ${process.pid}, now(), now(), ${ids}::jsonb)
      ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now(), queue_worker_ids = excluded.queue_worker_ids`);
  };
  const tick = () => {
    beat().catch(onError);
  };
  return beat()
    .catch(onError)
    .then(() => {
      const timer = setInterval(tick, everyMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await db.execute(sql`DELETE FROM worker_heartbeats WHERE worker_id = ${workerId}`).catch(onError);
      };
    });
}
