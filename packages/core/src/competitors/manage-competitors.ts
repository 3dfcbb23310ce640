/**
 * Adding, listing, removing and re-reading a workspace's competitors. Adding checks that the network
 * can read public posts, that the name is written the network's way and is not there yet, and that the
 * workspace stays within MAX_COMPETITORS_PER_WORKSPACE; the first reading runs at once as a job.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { competitors } from '@plume/db/schema/competitors';
import { AppError } from '@plume/errors/app-error';
import type { NetworkId } from '@plume/networks/contract';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { FETCH_COMPETITOR_JOB, MAX_COMPETITORS_PER_WORKSPACE } from './competitor-limits.ts';
import { competitorStats, competitorTopHashtags, emptyStats, ownStats, type CadenceStats } from './competitor-stats.ts';
import { handleProblem, tidyHandle } from './handles.ts';

type CompetitorRow = typeof competitors.$inferSelect;
export type CompetitorView = CompetitorRow & { stats: CadenceStats; topHashtags: string[] };

/** Networks whose provider reads other accounts' public posts, with the hint for their handle field. */
export function competitorNetworks(runtime: NetworkRuntime): { id: NetworkId; name: string; handleHint: string }[] {
  return runtime.providers.flatMap((provider) => {
    const publicPosts = provider.manifest.analytics.publicPosts;
    if (publicPosts === undefined || provider.listPublicPosts === undefined) return [];
    // A network whose reads need a key the server lacks (YouTube without YOUTUBE_API_KEY) is not offered.
    if (runtime.publicReadContext(provider.manifest.id) === null) return [];
    return [{ id: provider.manifest.id, name: provider.manifest.name, handleHint: publicPosts.handleHint }];
  });
}

/** Queues a reading of the competitor now (keyed: asking twice while one waits runs it once). */
export async function enqueueCompetitorFetch(db: Pick<Database, 'execute'>, competitorId: string): Promise<void> {
  await db.execute(sql`
    SELECT graphile_worker.add_job(${FETCH_COMPETITOR_JOB}, json_build_object('competitorId', ${competitorId}::text),
      job_key => ${`competitor:${competitorId}`}, max_attempts => 3)`);
}

export async function addCompetitor(
  deps: { db: Database; runtime: NetworkRuntime },
  input: { workspaceId: string; network: string; handle: string },
): Promise<CompetitorRow> {
  const supported = competitorNetworks(deps.runtime).map((network) => network.id as string);
  if (!supported.includes(input.network))
    throw AppError.validation('body/network', 'Plume cannot read public posts on this network. Pick another one.');
  const network = input.network as NetworkId;
  const problem = handleProblem(network, input.handle);
  if (problem !== undefined) throw AppError.validation('body/handle', problem);
  const handle = tidyHandle(network, input.handle);
  return deps.db.transaction(async (tx) => {
    // One add at a time per workspace, so two at once cannot both pass the limit.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`competitors:${input.workspaceId}`}))`);
    const [existing] = await tx
      .select({ id: competitors.id })
      .from(competitors)
      .where(
        and(
          eq(competitors.workspaceId, input.workspaceId),
          eq(competitors.network, network),
          sql`lower(${competitors.handle}) = lower(${handle})`,
        ),
      );
    if (existing !== undefined) throw AppError.conflict(`${handle} is already on your list for this network.`);
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(competitors)
      .where(eq(competitors.workspaceId, input.workspaceId));
    if (total >= MAX_COMPETITORS_PER_WORKSPACE)
      throw AppError.conflict(
        `A workspace can follow at most ${MAX_COMPETITORS_PER_WORKSPACE} competitors. Remove one to add another.`,
      );
    const [row] = await tx.insert(competitors).values({ workspaceId: input.workspaceId, network, handle }).returning();
    if (row === undefined) throw new Error('insert returned no row');
    await enqueueCompetitorFetch(tx, row.id);
    return row;
  });
}

export async function listCompetitors(
  db: Database,
  workspaceId: string,
): Promise<{ competitors: CompetitorView[]; own: Map<string, CadenceStats> }> {
  const rows = await db
    .select()
    .from(competitors)
    .where(eq(competitors.workspaceId, workspaceId))
    .orderBy(asc(competitors.createdAt), asc(competitors.id));
  const stats = await competitorStats(db, workspaceId);
  const hashtags = await competitorTopHashtags(db, workspaceId);
  return {
    competitors: rows.map((row) => ({
      ...row,
      stats: stats.get(row.id) ?? emptyStats,
      topHashtags: hashtags.get(row.id) ?? [],
    })),
    own: await ownStats(db, workspaceId),
  };
}

async function findCompetitor(db: Database, workspaceId: string, competitorId: string): Promise<CompetitorRow> {
  const [row] = await db
    .select()
    .from(competitors)
    .where(and(eq(competitors.id, competitorId), eq(competitors.workspaceId, workspaceId)));
  if (row === undefined) throw AppError.notFound('competitor');
  return row;
}

export async function removeCompetitor(db: Database, workspaceId: string, competitorId: string): Promise<void> {
  const row = await findCompetitor(db, workspaceId, competitorId);
  await db.delete(competitors).where(eq(competitors.id, row.id));
}

/** Asks for a reading now; the daily schedule goes on from it. */
export async function refreshCompetitor(
  db: Database,
  workspaceId: string,
  competitorId: string,
): Promise<CompetitorRow> {
  const row = await findCompetitor(db, workspaceId, competitorId);
  await enqueueCompetitorFetch(db, row.id);
  return row;
}
