/**
 * The times placement chooses from: every whole hour of every local day the range touches, in the
 * workspace's zone. Daylight saving follows posting slots (next-slot.ts): an hour in the
 * spring-forward gap moves forward and meets the next one (kept once), an hour in the fall-back
 * overlap happens once, at its first occurrence.
 */
import { slotInstant } from '../../scheduling/next-slot.ts';
import { addDays, utcToWall } from '../../scheduling/zoned-time.ts';
import { localInstant, type LocalInstant } from './slot-calendar.ts';

const DAY_MS = 86_400_000;

/** Hourly instants with `from` ≤ t < `to`, in time order. */
export function candidateTimes(zone: string, range: { from: Date; to: Date }): LocalInstant[] {
  const seen = new Set<number>();
  const found: LocalInstant[] = [];
  const first = utcToWall(zone, range.from);
  const days = Math.ceil((range.to.getTime() - range.from.getTime()) / DAY_MS) + 1;
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addDays(first, offset);
    for (let hour = 0; hour < 24; hour += 1) {
      const at = slotInstant(zone, date, hour * 60);
      const ms = at.getTime();
      if (ms < range.from.getTime() || ms >= range.to.getTime() || seen.has(ms)) continue;
      seen.add(ms);
      found.push(localInstant(zone, at));
    }
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime());
}
