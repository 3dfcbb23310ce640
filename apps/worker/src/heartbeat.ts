import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const heartbeatIntervalMs = 10_000;

/** Writes this worker's heartbeat now and every 10 s; `/ready` reads the freshest. */
export function startHeartbeat(db: Database, workerId: string, onError: (error: unknown) => void): () => Promise<void> {
  const beat = async () => {
    await db.execute(sql`
      INSERT INTO worker_heartbeats (worker_id, hostname, pid, started_at, last_seen_at)
      VALUES (${workerId}, ${os.hostname()}, ${process.pid}, now(), now())
      ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now()`);
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
