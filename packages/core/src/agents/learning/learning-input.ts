/**
 * A learning run's input, resolved when it starts: the week (default: the last full week, Monday to
 * Sunday in the workspace's zone) and the strategy's pillars as they are then; and its one model call,
 * sized from the week's results as they are now.
 */
import { AppError } from '@plume/errors/app-error';
import type { Database } from '@plume/db/client';
import { dateKey } from '../../planning/placement/slot-calendar.ts';
import { mondayOf, plusDays } from '../../planning/plans/plan-calendar.ts';
import { utcToWall } from '../../scheduling/zoned-time.ts';
import type { CurrentStrategySource } from '../strategy/current-strategy-source.ts';
import type { PlannedCall } from '../estimate-run.ts';
import type { RunInput } from '../run-input.ts';
import { retrospectivePrompt } from './retrospective-prompt.ts';
import { readWeekResults } from './week-results-reader.ts';

/** The Monday of the last week that is over in `zone`. */
export function lastFullWeek(zone: string, now: Date): string {
  return plusDays(mondayOf(dateKey(utcToWall(zone, now))), -7);
}

export async function learningInput(
  strategy: CurrentStrategySource | undefined,
  workspace: { id: string; timezone: string },
  week: string | undefined,
  now: Date,
): Promise<RunInput> {
  const monday = week ?? lastFullWeek(workspace.timezone, now);
  if (monday > lastFullWeek(workspace.timezone, now))
    throw AppError.validation('body/week', 'That week is not over yet: choose a week that has ended.');
  const current = (await strategy?.current(workspace.id)) ?? null;
  return {
    kind: 'learning',
    months: [],
    week: monday,
    pillars: current?.pillars ?? [],
    goals: current?.goals ?? [],
    brand: null,
    localCandidates: null,
  };
}

export async function learningCalls(
  db: Pick<Database, 'select'>,
  workspace: { id: string; timezone: string },
  input: RunInput,
): Promise<PlannedCall[]> {
  const results = await readWeekResults(db, {
    workspaceId: workspace.id,
    zone: workspace.timezone,
    monday: input.week ?? lastFullWeek(workspace.timezone, new Date()),
    pillars: input.pillars,
  });
  return results.published === 0 ? [] : [{ task: 'analysis', prompt: retrospectivePrompt(results, input.pillars) }];
}
