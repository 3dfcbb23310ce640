/**
 * What the Learning agent reads of A/B tests: the tests of a week that are measured (a winner or no
 * clear winner), each with both variants' text, time, figures at 24 h and the verdict in plain words.
 * A test belongs to the week its variant A is on (Monday to Sunday, the workspace's calendar).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AbTestKind, AbTestState, AbVariant } from '@plume/contract/planning/ab-test-enums';
import type { Database } from '@plume/db/client';
import { abTests, planBriefs, type AbVariantReading } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { formatWall, utcToWall } from '../../scheduling/zoned-time.ts';
import { daysOfWeek } from '../plans/plan-calendar.ts';
import { zoneOf } from '../plans/plan-world.ts';

export type AbResultVariant = { text: string; slotLocal: string | null; reading: AbVariantReading | null };
export type AbResult = {
  testId: string;
  kind: AbTestKind;
  state: Extract<AbTestState, 'decided' | 'no_winner'>;
  network: string;
  accountId: string;
  pillar: string;
  topic: string;
  winner: AbVariant | null;
  pValue: number | null;
  verdict: string;
  a: AbResultVariant;
  b: AbResultVariant;
};

const TEXT = 500;

async function variantsOf(db: Pick<Database, 'select'>, briefIds: string[], zone: string) {
  if (briefIds.length === 0)
    return new Map<string, { brief: typeof planBriefs.$inferSelect; text: string; slotLocal: string | null }>();
  const rows = await db
    .select({ brief: planBriefs, content: posts.content })
    .from(planBriefs)
    .leftJoin(posts, eq(posts.id, planBriefs.postId))
    .where(inArray(planBriefs.id, briefIds));
  return new Map(
    rows.map(({ brief, content }) => [
      brief.id,
      {
        brief,
        text: (content?.text ?? '').slice(0, TEXT),
        slotLocal: brief.slot === null ? null : formatWall(utcToWall(zone, brief.slot)),
      },
    ]),
  );
}

/** The week's measured A/B tests of a workspace (`monday`: `YYYY-MM-DD`), oldest first. */
export async function abResultsForWeek(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  monday: string,
): Promise<AbResult[]> {
  const zone = await zoneOf(db, workspaceId);
  const rows = await db
    .select({ test: abTests })
    .from(abTests)
    .innerJoin(planBriefs, eq(planBriefs.id, abTests.briefAId))
    .where(
      and(
        eq(abTests.workspaceId, workspaceId),
        inArray(abTests.state, ['decided', 'no_winner']),
        inArray(planBriefs.day, daysOfWeek(monday)),
      ),
    )
    .orderBy(abTests.createdAt);
  const variants = await variantsOf(
    db,
    rows.flatMap(({ test }) => [test.briefAId, test.briefBId]),
    zone,
  );
  return rows.flatMap(({ test }) => {
    const a = variants.get(test.briefAId);
    const b = variants.get(test.briefBId);
    if (!a || !b || (test.state !== 'decided' && test.state !== 'no_winner')) return [];
    return [
      {
        testId: test.id,
        kind: test.kind,
        state: test.state,
        network: a.brief.network,
        accountId: a.brief.accountId,
        pillar: a.brief.pillar,
        topic: a.brief.topic,
        winner: test.winner,
        pValue: test.pValue,
        verdict: test.reason ?? '',
        a: { text: a.text, slotLocal: a.slotLocal, reading: test.readingA },
        b: { text: b.text, slotLocal: b.slotLocal, reading: test.readingB },
      },
    ];
  });
}
