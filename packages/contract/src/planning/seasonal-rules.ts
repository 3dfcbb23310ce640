/**
 * How a seasonal date is found in a given year. Dates are calendar days (no time, no zone): the
 * workspace's zone decides which day is "today" when listing the dates ahead.
 */
import { z } from 'zod';

const month = z.number().int().min(1).max(12);
const weekday = z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday');

export const seasonalRuleSchema = z.discriminatedUnion('kind', [
  /** The same day every year, e.g. 14 July. */
  z.strictObject({ kind: z.literal('fixed'), month, day: z.number().int().min(1).max(31) }),
  /**
   * The nth weekday of a month (n = -1: the last), moved by `offsetDays` (Black Friday: the 4th
   * Thursday of November + 1). `unlessEasterOffset`: when the date falls on that day relative to
   * Easter, it moves by `shiftDays` (France's Fête des mères gives way to Pentecost).
   */
  z.strictObject({
    kind: z.literal('nth_weekday'),
    month,
    weekday,
    n: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
    offsetDays: z.number().int().min(-7).max(7).optional(),
    unlessEasterOffset: z.number().int().min(-70).max(70).optional(),
    shiftDays: z.number().int().min(-14).max(14).optional(),
  }),
  /** The first given weekday on or after a day, e.g. Advent Sunday: the Sunday on or after 27 November. */
  z.strictObject({ kind: z.literal('weekday_on_or_after'), month, day: z.number().int().min(1).max(31), weekday }),
  /** Days from Western (Gregorian) Easter Sunday, e.g. -2 Good Friday, 39 Ascension, 49 Pentecost. */
  z.strictObject({ kind: z.literal('easter'), offsetDays: z.number().int().min(-70).max(70) }),
]);
export type SeasonalRule = z.infer<typeof seasonalRuleSchema>;
