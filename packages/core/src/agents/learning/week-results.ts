/**
 * The pure half of the Learning agent's `results` step: a week's plan beside what happened, in a few
 * bounded lists (the posts with their engagement index, planned against actual share per pillar, the
 * slots that beat or missed the best-time expectation, what was not published and why, KPI progress).
 * Whatever the week holds, the result has at most a fixed number of short items.
 */
import {
  MAX_AB_TESTS,
  MAX_KPIS,
  MAX_LEARNING_PILLARS,
  MAX_MISSED,
  MAX_SLOTS,
  MAX_WEEK_POSTS,
  type MissedBrief,
  type WeekAbTest,
  type WeekKpi,
  type WeekPillar,
  type WeekPost,
  type WeekResults,
  type WeekSlot,
} from '@plume/contract/agents/learning-outputs';
import { utcToWall } from '../../scheduling/zoned-time.ts';
import type { Measurement, WeekBrief, WeekData } from './week-data.ts';

export type ResultsContext = {
  monday: string;
  zone: string;
  /** The strategy's pillars and KPI targets; empty without a strategy. */
  pillars: ReadonlyArray<{ key: string; name: string; share: number }>;
  kpiTargets: ReadonlyArray<{ key: string; name: string; unit: string; target: number | null }>;
  /** The best-time model's expected lift (1 = usual) for an account at an instant. */
  expectedLift: (accountId: string, at: Date) => number;
  /** The week's measured A/B tests, already summarized (week-ab-tests.ts); none when absent. */
  abTests?: readonly WeekAbTest[];
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKS_PER_MONTH = 30.44 / 7;

export function slotLabel(zone: string, at: Date): string {
  const wall = utcToWall(zone, at);
  return `${WEEKDAYS[wall.weekday]} ${String(wall.hour).padStart(2, '0')}:00`;
}

const cut = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

function indexOf(measurement: Measurement, medians: ReadonlyMap<string, number>): number | null {
  if (measurement.engagements === null) return null;
  const median = medians.get(measurement.accountId) ?? measurement.engagements;
  return Math.round((measurement.engagements / Math.max(1, median)) * 100);
}

const isPublished = (brief: WeekBrief) => brief.measurement !== null || brief.targetState === 'published';

type Row = { post: WeekPost; measurement: Measurement | null };

function postRows(data: WeekData, context: ResultsContext): Row[] {
  const planned = data.briefs.filter(isPublished).map((brief) => ({
    post: {
      network: brief.network,
      handle: brief.handle,
      pillar: brief.pillar,
      topic: cut(brief.topic, 80),
      slot: brief.measurement === null ? '' : slotLabel(context.zone, brief.measurement.publishedAt),
      engagements: brief.measurement?.engagements ?? null,
      index: brief.measurement === null ? null : indexOf(brief.measurement, data.medians),
    },
    measurement: brief.measurement,
  }));
  const unplanned = data.unplanned.map((item) => ({
    post: {
      network: item.network,
      handle: item.handle,
      pillar: null,
      topic: cut(item.text, 80) || '(no text)',
      slot: slotLabel(context.zone, item.measurement.publishedAt),
      engagements: item.measurement.engagements,
      index: indexOf(item.measurement, data.medians),
    },
    measurement: item.measurement,
  }));
  return [...planned, ...unplanned];
}

/** The best and the weakest posts when there are more than the list holds. */
function boundedPosts(rows: readonly Row[]): WeekPost[] {
  const sorted = rows.map((row) => row.post).sort((a, b) => (b.index ?? -1) - (a.index ?? -1));
  if (sorted.length <= MAX_WEEK_POSTS) return sorted;
  const half = MAX_WEEK_POSTS / 2;
  return [...sorted.slice(0, half), ...sorted.slice(-half)];
}

function pillarsOf(data: WeekData, context: ResultsContext): WeekPillar[] {
  const planned = data.briefs.filter((brief) => brief.state !== 'replaced');
  const published = data.briefs.filter(isPublished);
  const keys = [...context.pillars.map((pillar) => pillar.key), ...planned.map((brief) => brief.pillar)];
  return [...new Set(keys)].slice(0, MAX_LEARNING_PILLARS).map((key) => {
    const strategy = context.pillars.find((pillar) => pillar.key === key);
    const mine = published.filter((brief) => brief.pillar === key);
    const indexes = mine.flatMap((brief) => {
      const index = brief.measurement === null ? null : indexOf(brief.measurement, data.medians);
      return index === null ? [] : [index];
    });
    return {
      key,
      name: strategy?.name ?? key,
      strategyShare: strategy?.share ?? null,
      plannedShare: percent(planned.filter((brief) => brief.pillar === key).length, planned.length),
      actualShare: percent(mine.length, published.length),
      published: mine.length,
      index: indexes.length === 0 ? null : Math.round(indexes.reduce((sum, value) => sum + value, 0) / indexes.length),
    };
  });
}

function slotsOf(rows: readonly Row[], context: ResultsContext, medians: ReadonlyMap<string, number>) {
  const slots: Array<WeekSlot & { ratio: number }> = [];
  for (const { post, measurement } of rows) {
    if (measurement === null) continue;
    const index = indexOf(measurement, medians);
    if (index === null) continue;
    const expected = Math.max(
      1,
      Math.round(context.expectedLift(measurement.accountId, measurement.publishedAt) * 100),
    );
    slots.push({ slot: post.slot, network: post.network, index, expected, ratio: index / expected });
  }
  const strip = ({ ratio: _ratio, ...slot }: WeekSlot & { ratio: number }): WeekSlot => slot;
  return {
    good: slots
      .filter((slot) => slot.ratio >= 1.2)
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, MAX_SLOTS)
      .map(strip),
    bad: slots
      .filter((slot) => slot.ratio <= 0.8)
      .sort((a, b) => a.ratio - b.ratio)
      .slice(0, MAX_SLOTS)
      .map(strip),
  };
}

function missedOf(brief: WeekBrief): MissedBrief | null {
  if (isPublished(brief)) return null;
  const base = { network: brief.network, pillar: brief.pillar, topic: cut(brief.topic, 80) };
  const reason = (text: string | null, fallback: string) => cut(text ?? fallback, 160);
  if (brief.state === 'replaced')
    return { ...base, what: 'replaced', reason: reason(brief.rejectionReason, 'Rejected and replaced.') };
  if (brief.state === 'rejected' || brief.postState === 'rejected' || brief.postState === 'cancelled')
    return { ...base, what: 'rejected', reason: reason(brief.rejectionReason, 'Its draft was rejected or withdrawn.') };
  if (brief.targetState === 'failed')
    return { ...base, what: 'failed', reason: reason(brief.failureReason, 'Publishing failed.') };
  if (brief.state === 'scheduled')
    return { ...base, what: 'not_published', reason: `Scheduled; its post is ${brief.targetState ?? 'pending'}.` };
  const words: Record<string, string> = {
    brief: 'Never drafted.',
    drafted: 'Drafted, never approved.',
    approved: 'Approved without a time.',
  };
  return { ...base, what: 'not_scheduled', reason: words[brief.state] ?? `Left in state ${brief.state}.` };
}

function sumOf(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}

/** The week's value of the KPIs Plume measures (engagement rate, reach, link clicks, comments). */
function kpisOf(measurements: readonly Measurement[], context: ResultsContext): WeekKpi[] {
  const measured: Record<string, () => number | null> = {
    engagement_rate: () => {
      const rates = measurements.flatMap((item) => (item.engagementRate === null ? [] : [item.engagementRate]));
      return rates.length === 0 ? null : (rates.reduce((sum, rate) => sum + rate, 0) / rates.length) * 100;
    },
    reach: () => sumOf(measurements.map((item) => item.reach)),
    link_clicks: () => sumOf(measurements.map((item) => item.clicks)),
    comments: () => sumOf(measurements.map((item) => item.replies)),
  };
  return context.kpiTargets.slice(0, MAX_KPIS).map((kpi) => {
    const raw = measured[kpi.key]?.() ?? null;
    const week = raw === null ? null : Math.round(raw * 100) / 100;
    const pace = week === null ? null : kpi.unit === 'percent' ? week : Math.round(week * WEEKS_PER_MONTH);
    return { key: kpi.key, name: kpi.name, unit: kpi.unit, target: kpi.target, week, monthPace: pace };
  });
}

export function summarizeWeek(data: WeekData, context: ResultsContext): WeekResults {
  const rows = postRows(data, context);
  const measurements = rows.flatMap((row) => (row.measurement === null ? [] : [row.measurement]));
  const missed = data.briefs.map(missedOf).filter((item): item is MissedBrief => item !== null);
  const slots = slotsOf(rows, context, data.medians);
  return {
    week: context.monday,
    timezone: context.zone,
    planned: data.briefs.filter((brief) => brief.state !== 'replaced').length,
    published: rows.length,
    measured: measurements.filter((item) => item.engagements !== null).length,
    unplanned: data.unplanned.length,
    posts: boundedPosts(rows),
    pillars: pillarsOf(data, context),
    goodSlots: slots.good,
    badSlots: slots.bad,
    missed: missed.slice(0, MAX_MISSED),
    missedTotal: missed.length,
    kpis: kpisOf(measurements, context),
    abTests: (context.abTests ?? []).slice(0, MAX_AB_TESTS),
  };
}
