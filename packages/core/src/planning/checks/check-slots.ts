/**
 * The plan's times against the rules: the weekly cadence per network, the daily cap per account,
 * quiet hours, and the minimum gap between two posts of one account. Posts already scheduled
 * (`scheduled`) count toward cadence, caps and gaps, but only a rule a planned post helps to break is
 * reported: the plan is not blamed for what was there before it.
 */
import type { ScheduledPost, SlotRules } from '../placement/placement-types.ts';
import { describeQuietHours, isQuiet, localInstant, minGapMs } from '../placement/slot-calendar.ts';
import type { PlannedPost, PlanViolation } from './plan-types.ts';

type Entry = { id: string | null; accountId: string; network: string | null; at: Date };

export function checkSlots(
  plan: readonly PlannedPost[],
  rules: SlotRules,
  scheduled: readonly ScheduledPost[] = [],
): PlanViolation[] {
  const entries: Entry[] = [...plan, ...scheduled.map((post) => ({ ...post, id: null, network: null }))];
  const networkOf = new Map(plan.map((post) => [post.accountId, post.network]));
  const violations: PlanViolation[] = [];
  const idsOf = (group: readonly Entry[]) => group.flatMap((entry) => (entry.id === null ? [] : [entry.id]));

  for (const post of plan) {
    const local = localInstant(rules.zone, post.at);
    if (isQuiet(rules.quietHours, local.minuteOfDay))
      violations.push({
        check: 'quiet_hours',
        postIds: [post.id],
        message: `Scheduled at ${local.dayKey} ${String(local.hour).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}, in quiet hours (${describeQuietHours(rules.quietHours)}).`,
      });
  }

  for (const [key, group] of groupBy(entries, (e) => `${e.accountId}|${localInstant(rules.zone, e.at).weekKey}`)) {
    const network = networkOf.get(group[0]!.accountId);
    const cadence = network === undefined ? undefined : rules.cadencePerWeek[network];
    if (cadence === undefined || group.length <= cadence || idsOf(group).length === 0) continue;
    const week = key.split('|')[1] ?? '';
    violations.push({
      check: 'cadence',
      postIds: idsOf(group),
      message: `${group.length} posts on one ${network ?? ''} account in the week of ${week}; the cadence is ${cadence}.`,
    });
  }

  for (const [key, group] of groupBy(entries, (e) => `${e.accountId}|${localInstant(rules.zone, e.at).dayKey}`)) {
    if (group.length <= rules.postsPerDayPerAccount || idsOf(group).length === 0) continue;
    violations.push({
      check: 'daily_cap',
      postIds: idsOf(group),
      message: `${group.length} posts on one account on ${key.split('|')[1] ?? ''}; the cap is ${rules.postsPerDayPerAccount} a day.`,
    });
  }

  const gapMs = minGapMs(rules.minGapMinutes);
  for (const [, group] of groupBy(entries, (e) => e.accountId)) {
    const sorted = [...group].sort((a, b) => a.at.getTime() - b.at.getTime());
    for (let index = 1; index < sorted.length; index += 1) {
      const pair = [sorted[index - 1]!, sorted[index]!];
      const apart = (pair[1]!.at.getTime() - pair[0]!.at.getTime()) / 60_000;
      if (apart * 60_000 >= gapMs || idsOf(pair).length === 0) continue;
      violations.push({
        check: 'min_gap',
        postIds: idsOf(pair),
        message:
          apart < 1
            ? 'Two posts on one account in the same minute.'
            : `Two posts on one account ${Math.round(apart)} minutes apart; the minimum gap is ${rules.minGapMinutes}.`,
      });
    }
  }
  return violations;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
