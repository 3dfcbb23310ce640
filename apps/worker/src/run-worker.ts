import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { run, type Runner, type Task, type TaskList, type WorkerEvents } from 'graphile-worker';
import type { Logger } from 'pino';
import type { z, ZodType } from 'zod';
import type { PlumeConfig } from '@plume/config/load-config';
import { purgeExpiredJob } from '@plume/core/jobs/purge-expired';
import { renderSlideshowJob } from '@plume/core/jobs/slideshow-jobs';
import {
  backfillAccountJob,
  collectAccountMetricsJob,
  collectSnapshotsJob,
  purgeSnapshotsJob,
} from '@plume/core/jobs/analytics-jobs';
import { fetchCompetitorJob, queueDueCompetitorsJob } from '@plume/core/jobs/competitor-jobs';
import { sendMailJob } from '@plume/core/jobs/send-mail-job';
import { weeklyReportsJob } from '@plume/core/jobs/weekly-report-job';
import { generatePlanWeekJob } from '@plume/core/jobs/plan-jobs';
import { decideAbTestJob, sweepAbTestsJob } from '@plume/core/jobs/ab-test-jobs';
import { mailNotificationJob } from '@plume/core/jobs/mail-notification-job';
import { agentRunJob } from '@plume/core/jobs/agent-run-job';
import { generateMediaJob } from '@plume/core/jobs/media-generation-job';
import type { GenerationDeps } from '@plume/core/media/generation/job-run';
import { queueLearningRunsJob } from '@plume/core/jobs/learning-jobs';
import { autopilotIsOff } from '@plume/core/planning/autopilot/autopilot-store';
import { deliverWebhookJob } from '@plume/core/jobs/webhook-jobs';
import { queueInboxReadsJob, readInboxJob, wakeSnoozedConversationsJob } from '@plume/core/jobs/inbox-jobs';
import { classifyInboxItemsJob, sendInboxReplyJob } from '@plume/core/jobs/inbox-reply-jobs';
import { sweepInboxReplies } from '@plume/core/inbox/replies/sweep-replies';
import { fireAutomationSchedulesJob, runAutomationJob } from '@plume/core/jobs/automation-jobs';
import { automationServices } from '@plume/core/automation/worker-services';
import { storedCompetitors } from '@plume/core/agents/intelligence/competitor-source';
import { storedStrategy } from '@plume/core/agents/strategy/current-strategy-source';
import type { LlmServices } from '@plume/core/llm/llm-services';
import { publishTargetJob, refreshAccountJob, refreshDueTokensJob } from '@plume/core/jobs/publishing-jobs';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { createPublishingBatches } from '@plume/core/publishing/publishing-batches';
import { createPublishDispatcher, type PublishDispatcher } from '@plume/core/publishing/dispatcher';
import type { PublishingServices } from '@plume/core/publishing/publishing-services';
import { rebuildPublishJobs } from '@plume/core/publishing/rebuild-publish-jobs';
import { sweepPublishing } from '@plume/core/publishing/sweep';
import type { Keyring } from '@plume/core/secrets/keyring';
import type { JobDefinition } from '@plume/core/jobs/define-job';
import { createMailTransport } from '@plume/core/mail/send-mail';
import { createPool, type Database } from '@plume/db/client';
import { createGraphileLogger } from './graphile-logger.ts';
import { heartbeatEveryMs, startHeartbeat } from './heartbeat.ts';

/** Recurring jobs (graphile-worker crontab syntax). */
export const crontab = [
  '0 * * * * purge_expired ?max=1',
  '*/5 * * * * refresh_due_tokens ?max=1',
  // Hourly, so each workspace gets last week's report soon after Monday 08:00 on its own clock.
  '7 * * * * weekly_reports ?max=1',
  // Metrics: due snapshots every minute (the due times live on the rows), accounts once a day each.
  '* * * * * collect_snapshots ?max=1',
  '17 * * * * collect_account_metrics ?max=1',
  '43 3 * * * purge_snapshots ?max=1',
  // Competitors: each is read once a day (the due time lives on the row); the sweep queues those due.
  '29 * * * * queue_due_competitors ?max=1',
  // A/B tests: each is decided by its own job at 24 h; the sweep catches those missed.
  '11 * * * * sweep_ab_tests ?max=1',
  // Learning: last week's retrospective, Monday noon UTC (Monday, or just past it, in nearly every zone).
  '0 12 * * 1 queue_learning_runs ?max=1',
  // Inbox: accounts whose read is due (the due time lives on the cursor row); snoozed conversations waking up.
  '* * * * * queue_inbox_reads ?max=1',
  '* * * * * wake_snoozed_conversations ?max=1',
  // Automation: schedule rules whose time has come (the next time lives on the rule).
  '* * * * * fire_automation_schedules ?max=1',
].join('\n');

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
export async function startWorker(input: {
  config: PlumeConfig;
  db: Database;
  databaseUrl: string;
  logger: Logger;
  keyring: Keyring;
  publishing: PublishingServices;
  /**
   * The LLM gateway, for jobs that call models (agent runs, a plan week's drafts); without it those jobs
   * wait for a worker that has it.
   */
  llm?: LlmServices;
  /** The media gateway, for AI image, video and speech jobs; without it those jobs wait for a worker that has it. */
  mediaGateway?: GenerationDeps['gateway'];
}): Promise<WorkerHandle> {
  const { config, db, logger, keyring, publishing } = input;
  const workerId = `worker-${randomUUID()}`;
  const mailDeps = { db, transport: createMailTransport(config.SMTP_URL), from: config.MAIL_FROM };
  const tokenDeps = { db, keyring, runtime: publishing.runtime, appUrl: publishing.appUrl };
  const publishDeps = {
    ...tokenDeps,
    media: publishing.media,
    limiter: createNetworkLimiter(),
    // The publish jobs running at once claim, start and record together (one statement per batch).
    batches: createPublishingBatches(db, workerId),
    runnerId: workerId,
    staleRunnerSeconds: config.WORKER_STALE_SECONDS,
  };
  // Analytics reads have their own in-process limiter: they never take publishing's slots.
  const analyticsDeps = {
    ...tokenDeps,
    limiter: createNetworkLimiter(),
    leaseSeconds: config.ANALYTICS_CLAIM_LEASE_SECONDS,
  };
  const taskList: TaskList = {
    [collectSnapshotsJob.id]: toTask(analyticsDeps, collectSnapshotsJob, logger),
    [collectAccountMetricsJob.id]: toTask(analyticsDeps, collectAccountMetricsJob, logger),
    [backfillAccountJob.id]: toTask(analyticsDeps, backfillAccountJob, logger),
    [purgeSnapshotsJob.id]: toTask({ db, retentionDays: config.SNAPSHOT_RETENTION_DAYS }, purgeSnapshotsJob, logger),
    [sendMailJob.id]: toTask(mailDeps, sendMailJob, logger),
    [mailNotificationJob.id]: toTask({ db, appUrl: publishing.appUrl }, mailNotificationJob, logger),
    [purgeExpiredJob.id]: toTask({ db }, purgeExpiredJob, logger),
    [fetchCompetitorJob.id]: toTask({ db, runtime: publishing.runtime }, fetchCompetitorJob, logger),
    [queueDueCompetitorsJob.id]: toTask({ db, runtime: publishing.runtime }, queueDueCompetitorsJob, logger),
    [weeklyReportsJob.id]: toTask({ db }, weeklyReportsJob, logger),
    [decideAbTestJob.id]: toTask({ db }, decideAbTestJob, logger),
    [sweepAbTestsJob.id]: toTask({ db }, sweepAbTestsJob, logger),
    [publishTargetJob.id]: toTask(publishDeps, publishTargetJob, logger),
    [refreshDueTokensJob.id]: toTask(tokenDeps, refreshDueTokensJob, logger),
    [refreshAccountJob.id]: toTask(tokenDeps, refreshAccountJob, logger),
    [deliverWebhookJob.id]: toTask({ db, keyring, http: publishing.http }, deliverWebhookJob, logger),
    [queueInboxReadsJob.id]: toTask({ db, runtime: publishing.runtime }, queueInboxReadsJob, logger),
    // Inbox reads share analytics' limiter: both are reads, and publishing keeps its own slots.
    [readInboxJob.id]: toTask(analyticsDeps, readInboxJob, logger),
    [wakeSnoozedConversationsJob.id]: toTask({ db }, wakeSnoozedConversationsJob, logger),
    [sendInboxReplyJob.id]: toTask({ ...tokenDeps, runnerId: workerId }, sendInboxReplyJob, logger),
    [runAutomationJob.id]: toTask(
      automationServices({ config, db, keyring, publishing, llm: input.llm }),
      runAutomationJob,
      logger,
    ),
    [fireAutomationSchedulesJob.id]: toTask({ db }, fireAutomationSchedulesJob, logger),
    ...(input.mediaGateway === undefined
      ? {}
      : {
          [generateMediaJob.id]: toTask(
            { db, media: publishing.media, gateway: input.mediaGateway },
            generateMediaJob,
            logger,
          ),
        }),
    [renderSlideshowJob.id]: toTask({ db, media: publishing.media }, renderSlideshowJob, logger),
    ...(input.llm === undefined
      ? {}
      : {
          [agentRunJob.id]: toTask(
            {
              db,
              gateway: input.llm.gateway,
              services: {
                competitors: storedCompetitors(db),
                strategy: storedStrategy(db),
                content: { runtime: publishing.runtime },
                execution: { runtime: publishing.runtime },
              },
            },
            agentRunJob,
            logger,
          ),
          [queueLearningRunsJob.id]: toTask(
            {
              db,
              llm: input.llm,
              services: { competitors: storedCompetitors(db), strategy: storedStrategy(db) },
              autopilotOff: autopilotIsOff(db),
            },
            queueLearningRunsJob,
            logger,
          ),
          [classifyInboxItemsJob.id]: toTask(
            { ...tokenDeps, gateway: input.llm.gateway },
            classifyInboxItemsJob,
            logger,
          ),
          [generatePlanWeekJob.id]: toTask(
            { db, runtime: publishing.runtime, gateway: input.llm.gateway },
            generatePlanWeekJob,
            logger,
          ),
        }),
  };
  // Every pending target gets its job back if it has none (after a restore the queue is empty): posts
  // due soon go out on time, not minutes late through the overdue sweep. Keyed, so nothing doubles.
  const rebuilt = await rebuildPublishJobs(db);
  if (rebuilt > 0) logger.info({ jobs: rebuilt }, 'publishing jobs put back for pending posts');
  // Listen before the pool starts, or the first workers' ids are missed.
  const queueWorkerIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  events.on('worker:create', ({ worker }) => queueWorkerIds.add(worker.workerId));
  // With batched fetching the pool locks jobs under its own id: a sweep must be able to release those too.
  events.on('pool:create', ({ workerPool }) => queueWorkerIds.add(workerPool.id));
  events.on('worker:release', ({ worker }) => queueWorkerIds.delete(worker.workerId));
  // graphile-worker's advice: at least concurrency + 2, or a busy pool can neither start nor release jobs.
  // Connections open only when used, so the ceiling costs nothing while the queue is quiet. The pool is
  // Plume's own: graphile-worker does not wait for a pool it made to close, so at shutdown PostgreSQL
  // could stop under its last connections (an unhandled 57P01 'error' event and a dump of the client).
  const pgPool = createPool(input.databaseUrl, {
    poolSize: Math.max(10, config.WORKER_CONCURRENCY + 2),
    applicationName: 'plume-queue',
  });
  const runner: Runner = await run({
    events,
    pgPool,
    concurrency: config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList,
    crontab,
    logger: createGraphileLogger(logger),
    // Batching (worker.graphile.org/docs/performance#batching): one query fetches and locks a batch of
    // due jobs for the pool, and completions are written together. When thousands of posts fall due at
    // once this cuts the queue's own round trips per job (docs/benchmarks.md, publishing). A crash can
    // leave fetched jobs locked; the sweep releases them (pool id above) and publishing is idempotent.
    preset: { worker: { localQueue: { size: config.WORKER_CONCURRENCY }, completeJobBatchDelay: 0 } },
  }).catch(async (error: unknown) => {
    await pgPool.end();
    throw error;
  });
  const stopHeartbeat = await startHeartbeat(
    db,
    workerId,
    () => [...queueWorkerIds],
    (error) => logger.warn({ err: error }, 'heartbeat failed'),
    heartbeatEveryMs(config.WORKER_STALE_SECONDS),
  );
  const stopSweep = startPublishingSweep({ db, staleRunnerSeconds: config.WORKER_STALE_SECONDS }, logger);
  const dispatcher = startDispatcher(publishDeps, config.PUBLISH_LOOKAHEAD_SECONDS, logger);
  logger.info({ workerId, concurrency: config.WORKER_CONCURRENCY }, 'worker started');
  return {
    workerId,
    stop: async () => {
      stopSweep();
      // Held posts not fired yet go back to their jobs; calls in flight finish and are recorded.
      await dispatcher?.stop();
      await stopHeartbeat();
      await runner.stop();
      await pgPool.end();
    },
  };
}

/**
 * The publishing sweep (see packages/core/src/publishing/sweep.ts) runs in every worker, once a minute
 * or every WORKER_STALE_SECONDS when that is shorter, so work of a crashed worker is settled quickly.
 */
function startPublishingSweep(deps: { db: Database; staleRunnerSeconds: number }, logger: Logger): () => void {
  const everyMs = Math.min(60, deps.staleRunnerSeconds) * 1000;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    sweepPublishing(deps)
      .then((result) => {
        if (result.deadRunners + result.unconfirmed + result.requeued + result.overdue > 0)
          logger.warn(result, 'publishing sweep settled interrupted or overdue work');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'publishing sweep failed'))
      // Inbox replies a dead worker was sending become unconfirmed (inbox/replies/sweep-replies.ts).
      .then(() => sweepInboxReplies(deps))
      .then((replies) => {
        if (replies.unconfirmed > 0) logger.warn(replies, 'inbox sweep marked interrupted replies unconfirmed');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'inbox reply sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The publishing dispatcher (packages/core/src/publishing/dispatcher.ts), unless the look-ahead is 0. */
function startDispatcher(
  deps: Parameters<typeof createPublishDispatcher>[0],
  lookaheadSeconds: number,
  logger: Logger,
): PublishDispatcher | null {
  if (lookaheadSeconds === 0) return null;
  const dispatcher = createPublishDispatcher(
    { ...deps, onError: (error, what) => logger.warn({ err: error }, `publishing dispatcher: ${what} failed`) },
    { lookaheadMs: lookaheadSeconds * 1000 },
  );
  dispatcher.start();
  return dispatcher;
}
