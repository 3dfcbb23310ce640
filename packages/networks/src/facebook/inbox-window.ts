/**
 * The inbox cursor of the Meta adapters (Facebook, Instagram) and YouTube: per source (comments,
 * messages…) the newest creation time handed out so far, in whole seconds as Graph reports it, and the
 * ids handed out at exactly that second (a later read asks from that second again, so the ids keep an
 * item from coming twice). A read gathers every candidate newer than the watermark, hands out the
 * oldest `limit` of them and moves each source's watermark to the last one handed out: nothing is
 * skipped when a read stops early, and `more` says that candidates are left.
 */
import { z } from 'zod';
import type { InboxItemReading } from '../inbox-contract.ts';

/** How far back the first read of an account looks (docs/inbox.md). */
export const FIRST_READ_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** One source's position: newest second handed out and the ids handed out at that second. */
export interface Watermark {
  sec: number;
  ids: readonly string[];
}

const cursorSchema = z.object({
  v: z.literal(1),
  sources: z.record(z.string(), z.object({ sec: z.number().int().nonnegative(), ids: z.array(z.string()) })),
});

/** The watermark of each named source; a missing or unreadable cursor starts 7 days back. */
export function readWatermarks(cursor: string | null, sources: readonly string[], now: Date): Map<string, Watermark> {
  let stored: Record<string, Watermark> = {};
  if (cursor !== null) {
    try {
      const parsed = cursorSchema.safeParse(JSON.parse(cursor));
      if (parsed.success) stored = parsed.data.sources;
    } catch {
      // a cursor from another version: start again from the lookback
    }
  }
  const start = { sec: Math.floor((now.getTime() - FIRST_READ_LOOKBACK_MS) / 1000), ids: [] };
  return new Map(sources.map((source) => [source, stored[source] ?? start]));
}

/** True when an item created at `createdAt` with this id was not handed out yet. */
export function isNew(watermark: Watermark, remoteId: string, createdAt: Date): boolean {
  const sec = Math.floor(createdAt.getTime() / 1000);
  return sec > watermark.sec || (sec === watermark.sec && !watermark.ids.includes(remoteId));
}

/** A candidate item and the source it came from. */
export interface Candidate {
  source: string;
  item: InboxItemReading;
}

/**
 * The oldest `limit` candidates, the cursor after them and whether any are left. Candidates may repeat
 * (a comment seen through two reads); each remote id is handed out once.
 */
export function takeOldest(
  candidates: readonly Candidate[],
  watermarks: ReadonlyMap<string, Watermark>,
  limit: number,
): { items: InboxItemReading[]; cursor: string; more: boolean } {
  const unique = new Map<string, Candidate>();
  for (const candidate of candidates) unique.set(candidate.item.remoteId, candidate);
  const sorted = [...unique.values()].sort(
    (a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime() || a.item.remoteId.localeCompare(b.item.remoteId),
  );
  const taken = sorted.slice(0, Math.max(0, limit));
  const next = new Map([...watermarks].map(([source, mark]) => [source, { sec: mark.sec, ids: [...mark.ids] }]));
  for (const { source, item } of taken) {
    const sec = Math.floor(item.createdAt.getTime() / 1000);
    const mark = next.get(source) ?? { sec, ids: [] };
    if (sec > mark.sec) next.set(source, { sec, ids: [item.remoteId] });
    else if (sec === mark.sec) mark.ids.push(item.remoteId);
  }
  return {
    items: taken.map((candidate) => candidate.item),
    cursor: JSON.stringify({ v: 1, sources: Object.fromEntries(next) }),
    more: sorted.length > taken.length,
  };
}

/** Graph's `2026-12-01T10:00:00+0000` (or an ISO time) as a Date; undefined when unreadable. */
export function graphTime(value: string | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date =
    typeof value === 'number' ? new Date(value > 1e12 ? value : value * 1000) : new Date(value.replace(/\+0000$/, 'Z'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
