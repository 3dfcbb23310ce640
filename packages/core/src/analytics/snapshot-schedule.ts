/**
 * When a post is measured: at SNAPSHOT_OFFSETS_MIN after it went out. A claim that finds several
 * offsets overdue (the worker was down) takes one reading, recorded under the latest overdue offset,
 * and moves on to the next offset still ahead: no burst of readings that would all say the same.
 */
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';

const MINUTE = 60_000;

/** A post whose last offset is this far behind gets no more readings (failures stop retrying). */
export const SCHEDULE_GRACE_MS = 24 * 60 * MINUTE;

export function dueAtOf(publishedAt: Date, offsetIndex: number): Date | null {
  const offset = SNAPSHOT_OFFSETS_MIN[offsetIndex];
  return offset === undefined ? null : new Date(publishedAt.getTime() + offset * MINUTE);
}

/** The first offset of a newly published post. */
export function firstSnapshot(publishedAt: Date): { index: number; at: Date } {
  return { index: 0, at: dueAtOf(publishedAt, 0) as Date };
}

export type SnapshotStep = {
  /** The offset this reading counts for (the latest one due by `now`), and when it was due. */
  offsetIndex: number;
  offsetMin: number;
  dueAt: Date;
  /** The next offset still ahead, or null when the schedule is done. */
  next: { index: number; at: Date } | null;
};

/** What a reading taken `now` stands for, starting from the post's `nextOffsetIndex`. */
export function stepAt(publishedAt: Date, fromIndex: number, now: Date): SnapshotStep | null {
  let index = Math.max(0, fromIndex);
  if (dueAtOf(publishedAt, index) === null) return null;
  while (index + 1 < SNAPSHOT_OFFSETS_MIN.length && (dueAtOf(publishedAt, index + 1) as Date) <= now) index += 1;
  const nextAt = dueAtOf(publishedAt, index + 1);
  return {
    offsetIndex: index,
    offsetMin: SNAPSHOT_OFFSETS_MIN[index] as number,
    dueAt: dueAtOf(publishedAt, index) as Date,
    next: nextAt === null ? null : { index: index + 1, at: nextAt },
  };
}

/** True when the post's schedule is long over (its last offset passed more than a day ago). */
export function scheduleExpired(publishedAt: Date, now: Date): boolean {
  const last = dueAtOf(publishedAt, SNAPSHOT_OFFSETS_MIN.length - 1) as Date;
  return now.getTime() - last.getTime() > SCHEDULE_GRACE_MS;
}
