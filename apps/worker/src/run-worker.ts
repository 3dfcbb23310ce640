import { randomUUID } from 'node:crypto';
import { run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import type { z, ZodType } from 'zod';
import type { PlumeConfig } from '@plume/config/load-config';
import { purgeExpiredJob } from '@plume/core/jobs/purge-expired';
import { sendMailJob } from '@plume/core/jobs/send-mail-job';
import type { JobDefinition } from '@plume/core/jobs/define-job';
import { createMailTransport } from '@plume/core/mail/send-mail';
import type { Database } from '@plume/db/client';
import { createGraphileLogger } from './graphile-logger.ts';
import { startHeartbeat } from './heartbeat.ts';

/** Recurring jobs (graphile-worker crontab syntax). */
export const crontab = ['0 * * * * purge_expired ?max=1'].join('\n');

export type WorkerHandle = { workerId: string; stop: () => Promise<void> };

function toTask<Deps, Schema extends ZodType>(deps: Deps, job: JobDefinition<Deps, Schema>, logger: Logger): Task {
  return async (payload) => {
    const parsed: z.infer<Schema> = job.payload.parse(payload ?? {});
    const result = await job.run(deps, parsed);
    logger.debug({ job: job.id, result }, 'job finished');
  };
}

/**
 * Starts the job runner with every job Plume defines, the crontab and a heartbeat. Workers on many
 * machines may share one database: graphile-worker claims jobs with SKIP LOCKED.
 */
export async function startWorker(input: { config: PlumeConfig; db: Database; databaseUrl: string; logger: Logger }): Promise<WorkerHandle> {
  const { config, db, logger } = input;
  const workerId = `worker-${randomUUID()}`;
  const mailDeps = { db, transport: createMailTransport(config.SMTP_URL), from: config.MAIL_FROM };
  const taskList: TaskList = {
    [sendMailJob.id]: toTask(mailDeps, sendMailJob, logger),
    [purgeExpiredJob.id]: toTask({ db }, purgeExpiredJob, logger),
  };
  const runner: Runner = await run({
    connectionString: input.databaseUrl,
    concurrency: config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList,
    crontab,
    logger: createGraphileLogger(logger),
  });
  const stopHeartbeat = startHeartbeat(db, workerId, (error) => logger.warn({ err: error }, 'heartbeat failed'));
  logger.info({ workerId, concurrency: config.WORKER_CONCURRENCY }, 'worker started');
  return {
    workerId,
    stop: async () => {
      await stopHeartbeat();
      await runner.stop();
    },
  };
}
