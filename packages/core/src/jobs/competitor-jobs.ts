/**
 * Competitor readings: one job per competitor (queued on add and refresh, keyed), and an hourly sweep
 * that queues those whose daily reading is due. The due time lives on the row (next_fetch_at), so a
 * crash or a missed hour only delays readings.
 */
import { z } from 'zod';
import { FETCH_COMPETITOR_JOB } from '../competitors/competitor-limits.ts';
import { dueCompetitorIds, fetchCompetitor, type CompetitorDeps } from '../competitors/fetch-competitor.ts';
import { enqueueCompetitorFetch } from '../competitors/manage-competitors.ts';
import { isPublishingPaused } from '../publishing/publishing-pause.ts';
import { defineJob } from './define-job.ts';

export const fetchCompetitorJob = defineJob({
  id: FETCH_COMPETITOR_JOB,
  payload: z.object({ competitorId: z.uuid() }),
  run: async (deps: CompetitorDeps, payload) => {
    if (await isPublishingPaused(deps.db)) return { paused: true };
    return fetchCompetitor(deps, payload.competitorId);
  },
});

/** Queues the competitors whose reading is due (at most 500 an hour). */
export const queueDueCompetitorsJob = defineJob({
  id: 'queue_due_competitors',
  payload: z.object({}).loose(),
  run: async (deps: CompetitorDeps) => {
    if (await isPublishingPaused(deps.db)) return { paused: true };
    const due = await dueCompetitorIds(deps.db, 500);
    for (const id of due) await enqueueCompetitorFetch(deps.db, id);
    return { queued: due.length };
  },
});
