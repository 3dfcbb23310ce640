/**
 * Posting slots per account: preferred times per weekday, stored as wall-clock minutes in the
 * workspace's time zone (so "09:00" stays 09:00 across daylight saving), and the next one that no
 * post of the account already takes.
 */
import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { posts, postTargets, postingSlots, type PostState } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { getAccount } from '../social/account-store.ts';
import { preferBestSlot, type SlotChoice } from '../insights/prefer-best-slot.ts';
import { freeSlots, type Slot } from './next-slot.ts';

type Db = Pick<Database, 'select'>;

/** About eight weeks: a slot that is taken every week for two months is not "free" in any useful sense. */
export const SLOT_HORIZON_DAYS = 56;

/** Free slots considered for the best one (a week of slots every quarter hour is 672). */
const MAX_CANDIDATES = 700;

/** Posts in these states will go out at their time, so their minute is taken. */
const OCCUPYING_STATES: readonly PostState[] = ['approved', 'scheduled', 'publishing'];

function sortSlots(slots: readonly Slot[]): Slot[] {
  return [...slots].sort((a, b) => a.weekday - b.weekday || a.minuteOfDay - b.minuteOfDay);
}

/** The account's slots, Sunday first. Another workspace's account is "not found". */
export async function listSlots(db: Db, workspaceId: string, accountId: string): Promise<Slot[]> {
  await getAccount(db, workspaceId, accountId);
  const rows = await db
    .select({ weekday: postingSlots.weekday, minuteOfDay: postingSlots.minuteOfDay })
    .from(postingSlots)
    .where(and(eq(postingSlots.workspaceId, workspaceId), eq(postingSlots.accountId, accountId)))
    .orderBy(asc(postingSlots.weekday), asc(postingSlots.minuteOfDay));
  return rows;
}

/** Replaces the whole set in one transaction; the caller has checked for duplicates. */
export async function replaceSlots(
  db: Database,
  input: { workspaceId: string; accountId: string; slots: readonly Slot[]; actor: AuditActor },
): Promise<Slot[]> {
  const slots = sortSlots(input.slots);
  await db.transaction(async (tx) => {
    await getAccount(tx, input.workspaceId, input.accountId);
    await tx
      .delete(postingSlots)
      .where(and(eq(postingSlots.workspaceId, input.workspaceId), eq(postingSlots.accountId, input.accountId)));
    if (slots.length > 0) {
      await tx
        .insert(postingSlots)
        .values(slots.map((slot) => ({ workspaceId: input.workspaceId, accountId: input.accountId, ...slot })));
    }
    await recordAudit(tx, input.workspaceId, input.actor, 'account.slots_replaced', 'account', input.accountId, {
      slots: slots.length,
    });
  });
  return slots;
}

/** Minutes (epoch ms / 60,000) in which a post of these accounts is due to go out, within the window. */
export async function occupiedMinutes(
  db: Db,
  query: { workspaceId: string; accountIds: readonly string[]; from: Date; to: Date; excludePostId?: string },
): Promise<Set<number>> {
  const rows = await db
    .select({ scheduledAt: posts.scheduledAt })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(
      and(
        eq(postTargets.workspaceId, query.workspaceId),
        inArray(postTargets.accountId, [...query.accountIds]),
        inArray(posts.state, [...OCCUPYING_STATES]),
        gt(posts.scheduledAt, query.from),
        lt(posts.scheduledAt, query.to),
        query.excludePostId === undefined ? undefined : ne(posts.id, query.excludePostId),
      ),
    );
  return new Set(
    rows.flatMap((row) => (row.scheduledAt === null ? [] : [Math.floor(row.scheduledAt.getTime() / 60_000)])),
  );
}

/**
 * The next slot after `after` (never before `now`: a past slot is not free) whose minute no
 * approved, scheduled or publishing post of the accounts takes: the earliest, or, once the accounts
 * have enough measured posts, the best-rated one within a week of it (see prefer-best-slot.ts). Answers in UTC. With several
 * accounts (a post's targets) the slots of all of them count, and a minute is taken when any of
 * them has a post then; `excludePostId` keeps a post from blocking its own move.
 */
export async function findNextFreeSlot(
  db: Db,
  input: {
    workspaceId: string;
    accountIds: readonly string[];
    zone: string;
    after: Date;
    now: Date;
    excludePostId?: string;
  },
): Promise<SlotChoice> {
  const slots: Slot[] = [];
  for (const accountId of input.accountIds) slots.push(...(await listSlots(db, input.workspaceId, accountId)));
  if (slots.length === 0) {
    throw new AppError('no_free_slot', {
      detail: 'No posting slots are set for this account yet. Set them with PUT …/accounts/{accountId}/slots.',
    });
  }
  const after = input.after.getTime() > input.now.getTime() ? input.after : input.now;
  // The window is a little wider than the horizon so a post in the first or last minute still counts.
  const occupied = await occupiedMinutes(db, {
    workspaceId: input.workspaceId,
    accountIds: input.accountIds,
    from: new Date(after.getTime() - 60_000),
    to: new Date(after.getTime() + (SLOT_HORIZON_DAYS + 2) * 86_400_000),
    ...(input.excludePostId === undefined ? {} : { excludePostId: input.excludePostId }),
  });
  const candidates = freeSlots(
    { zone: input.zone, slots, after, occupiedMinutes: occupied, horizonDays: SLOT_HORIZON_DAYS },
    MAX_CANDIDATES,
  );
  const found = await preferBestSlot(db, { ...input, candidates });
  if (found === null) {
    throw new AppError('no_free_slot', {
      detail: `Every posting slot in the next ${SLOT_HORIZON_DAYS / 7} weeks is taken.`,
    });
  }
  return found;
}
