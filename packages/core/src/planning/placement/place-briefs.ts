/**
 * The Execution agent's placement: each brief gets the best free hour of the range for its account,
 * or a plain reason why none is left. Pure: the caller passes the scheduled posts, best times and rules.
 *
 * Briefs pinned to a day go first (they have fewer choices), then the rest, each in the given order.
 * For one brief, the hours of the range are narrowed rule by rule (its day, after `now`, outside quiet
 * hours, under the weekly cadence, under the daily cap, clear of the account's other posts by the
 * minimum gap); the rule that leaves nothing is the reason it is not placed. Among the hours left the
 * best wins: the highest log lift, less SAME_DAY_PENALTY per post the account already has that day
 * (so a week's posts spread over days unless one hour is clearly better), earliest on ties.
 */
import { formatWall, utcToWall } from '../../scheduling/zoned-time.ts';
import { AccountLedger } from './account-ledger.ts';
import { priorGrid } from './best-time-grid.ts';
import { candidateTimes } from './candidate-times.ts';
import { naturalOffset, seededRandom } from './natural-cadence.ts';
import type { PlacementBrief, PlacementInput, PlacementResult, Unplaced } from './placement-types.ts';
import { describeQuietHours, isQuiet, localInstant, minGapMs, type LocalInstant } from './slot-calendar.ts';

/** A second post on the same day must be at an hour expected to do twice as well. */
export const SAME_DAY_PENALTY = Math.log(2);

type Stage = { keep: (time: LocalInstant) => boolean; reason: Unplaced['reason']; message: () => string };

export function placeBriefs(input: PlacementInput): PlacementResult {
  const { rules } = input;
  const ledger = new AccountLedger(rules.zone);
  for (const post of input.scheduled) ledger.add(post.accountId, post.at);
  const hours = candidateTimes(rules.zone, input.range);
  const random = input.naturalCadence ? seededRandom(input.naturalCadence.seed) : null;
  const gapMs = minGapMs(rules.minGapMinutes);
  const result: PlacementResult = { placements: [], unplaced: [] };
  const ordered = [
    ...input.briefs.filter((b) => b.day !== undefined),
    ...input.briefs.filter((b) => b.day === undefined),
  ];

  for (const brief of ordered) {
    const grid = input.bestTimes.get(brief.accountId) ?? priorGrid(brief.network);
    const cadence = rules.cadencePerWeek[brief.network];
    const stages: Stage[] = [
      {
        keep: (time) => brief.day === undefined || time.dayKey === brief.day,
        reason: 'day_outside_range',
        message: () => `Its day, ${brief.day ?? ''}, is not in the week being planned.`,
      },
      {
        keep: (time) => time.at.getTime() > input.now.getTime(),
        reason: 'no_time_left',
        message: () =>
          brief.day === undefined ? 'The week being planned is already over.' : `${brief.day} is already over.`,
      },
      {
        keep: (time) => !isQuiet(rules.quietHours, time.minuteOfDay),
        reason: 'quiet_hours',
        message: () => `The hours left fall in quiet hours (${describeQuietHours(rules.quietHours)}).`,
      },
      {
        keep: (time) => cadence === undefined || ledger.inWeek(brief.accountId, time.weekKey) < cadence,
        reason: 'cadence_reached',
        message: () =>
          cadence === 0
            ? `The strategy plans no posts on ${brief.network}.`
            : `This account already has ${posts(cadence ?? 0)} that week, the strategy's cadence for ${brief.network}.`,
      },
      {
        keep: (time) => ledger.onDay(brief.accountId, time.dayKey) < rules.postsPerDayPerAccount,
        reason: 'daily_cap_reached',
        message: () =>
          `The daily cap (${posts(rules.postsPerDayPerAccount)} a day per account) is reached on every day left.`,
      },
      {
        keep: (time) => ledger.isClear(brief.accountId, time.at, gapMs),
        reason: 'no_gap',
        message: () => `No time left at least ${rules.minGapMinutes} minutes from this account's other posts.`,
      },
    ];
    let left = hours;
    let failed: Stage | undefined;
    for (const stage of stages) {
      left = left.filter(stage.keep);
      if (left.length === 0) {
        failed = stage;
        break;
      }
    }
    if (failed !== undefined) {
      result.unplaced.push({ briefId: brief.id, reason: failed.reason, message: failed.message() });
      continue;
    }
    const value = (time: LocalInstant) =>
      Math.log(grid.lift[time.weekday]?.[time.hour] ?? 1) -
      SAME_DAY_PENALTY * ledger.onDay(brief.accountId, time.dayKey);
    let best = left[0]!;
    for (const time of left) if (value(time) > value(best) + 1e-9) best = time;

    const offset = random ? naturalOffset(random, input.naturalCadence?.maxMinutes ?? 0) : 0;
    const at = offset === 0 ? best.at : moved(best, offset, input, brief, ledger, gapMs);
    ledger.add(brief.accountId, at);
    result.placements.push({
      briefId: brief.id,
      accountId: brief.accountId,
      network: brief.network,
      at,
      local: formatWall(utcToWall(rules.zone, at)),
      lift: grid.lift[best.weekday]?.[best.hour] ?? 1,
      confidence: grid.confidence,
      naturalOffsetMinutes: (at.getTime() - best.at.getTime()) / 60_000,
    });
  }
  return result;
}

const posts = (count: number) => (count === 1 ? '1 post' : `${count} posts`);

/** The hour moved by the natural cadence when every rule still holds there (same day and week); else the hour itself. */
function moved(
  best: LocalInstant,
  offsetMinutes: number,
  input: PlacementInput,
  brief: PlacementBrief,
  ledger: AccountLedger,
  gapMs: number,
): Date {
  const at = new Date(best.at.getTime() + offsetMinutes * 60_000);
  const local = localInstant(input.rules.zone, at);
  const holds =
    at.getTime() > input.now.getTime() &&
    at.getTime() >= input.range.from.getTime() &&
    at.getTime() < input.range.to.getTime() &&
    local.dayKey === best.dayKey &&
    !isQuiet(input.rules.quietHours, local.minuteOfDay) &&
    ledger.isClear(brief.accountId, at, gapMs);
  return holds ? at : best.at;
}
