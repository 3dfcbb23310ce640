import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const heartbeatIntervalMs = 10_000;

/**
 * Writes this worker's heartbeat now and every 10 s; `/ready` reads the freshest. It also lists the
 * queue's own worker ids in this process, so a sweep elsewhere can release their jobs if we die.
 */
export function startHeartbeat(
  db: Database,
  workerId: string,
  queueWorkerIds: () => readonly string[],
  onError: (error: unknown) => void,
): () => Promise<void> {
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
  tick();
  const timer = setInterval(tick, heartbeatIntervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await db.execute(sql`DELETE FROM worker_heartbeats WHERE worker_id = ${workerId}`).catch(onError);
  };
}
