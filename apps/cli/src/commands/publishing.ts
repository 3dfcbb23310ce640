import { loadConfigOrExit } from '@plume/config/load-config';
import {
  getPublishingPause,
  pausePublishing,
  resumePublishing,
  type PublishingPause,
} from '@plume/core/publishing/publishing-pause';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { createLogger } from '../create-logger.ts';
import { resolveDatabase } from '../resolve-database.ts';

/** Why a restored copy starts paused; shown in the web app's banner and by `plume publishing status`. */
export const RESTORED_REASON =
  'This instance was restored from a backup. Publishing waits until an admin resumes it, so that this copy and the original do not both publish the same posts.';

function describePause(pause: PublishingPause): string {
  if (!pause.paused) return 'Publishing is running.\n';
  const since = pause.pausedAt?.toISOString() ?? 'an unknown time';
  return (
    `Publishing is paused since ${since}${pause.changedBy ? ` (by ${pause.changedBy})` : ''}: ${pause.reason ?? 'no reason given'}\n` +
    'Due posts wait, nothing is lost. Resume with `plume publishing resume` or "Resume publishing" in the web app.\n'
  );
}

async function withDatabase<T>(run: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const database = await resolveDatabase(config, createLogger(config));
  const db = createDatabase(database.url, { poolSize: 1 });
  try {
    return await run(db);
  } finally {
    await closeDatabase(db);
    await database.stop();
  }
}

/** `plume publishing status | resume | pause [reason]`: the instance-wide publishing switch. */
export async function publishingCommand(action: string | undefined, reason: string | undefined): Promise<boolean> {
  switch (action) {
    case 'status':
      process.stdout.write(describePause(await withDatabase(getPublishingPause)));
      return true;
    case 'resume': {
      const resumed = await withDatabase((db) => resumePublishing(db, { by: 'plume' }));
      process.stdout.write(`Publishing resumed; ${resumed.queued} publishing jobs put back for pending posts.\n`);
      return true;
    }
    case 'pause':
      await withDatabase((db) =>
        pausePublishing(db, { reason: reason ?? 'Paused by an operator (plume publishing pause).', by: 'plume' }),
      );
      process.stdout.write('Publishing paused: due posts wait until `plume publishing resume`.\n');
      return true;
    default:
      return false;
  }
}

/**
 * Called by `plume restore` once the data is in: a restored copy starts with publishing paused, or the
 * original instance and the copy would both publish every due post. Resuming rebuilds the publishing
 * jobs (a backup holds no queue).
 */
export async function pauseRestoredInstance(databaseUrl: string): Promise<void> {
  const db = createDatabase(databaseUrl, { poolSize: 1 });
  try {
    await pausePublishing(db, { reason: RESTORED_REASON, by: 'plume restore' });
  } finally {
    await closeDatabase(db);
  }
  process.stdout.write(
    'Publishing is paused on this restored instance, so that it and the original do not both publish the same posts.\n' +
      'Once the original is stopped (or if this copy should publish), run `plume publishing resume` or use "Resume publishing" in the web app.\n',
  );
}
