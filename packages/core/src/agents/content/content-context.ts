/**
 * What the Content agent knows before it asks the model, read once and stored as the run's `context`
 * step (a resumed run works on exactly this): the brand in one line, the pillars with their shares,
 * the networks with their accounts, and per week the days still open in the plan's month, its theme,
 * its seasonal dates and how many briefs each network gets (the strategy's cadence per account, pro
 * rata for a week cut by the month's edge or by today). Plus a few "what works" findings and the topics
 * the plan already has, so the briefs do not repeat them.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import { NETWORK_IDS, type NetworkId } from '@plume/contract/networks/network-enums';
import { getBrandProfile } from '../../content/brand-profile-store.ts';
import { daysOfWeek, monthOf } from '../../planning/plans/plan-calendar.ts';
import { slotRulesFor, strategyRulesLoader, type PlanRulesLoader } from '../../planning/plans/plan-rules.ts';
import { listBriefRows, type PlanRow } from '../../planning/plans/plan-store.ts';
import { isLive } from '../../planning/plans/plan-world.ts';
import { getWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';
import { getTemplateCopy } from '../../planning/strategy/template-copy-store.ts';
import { localDay } from '../../planning/strategy/strategy-view.ts';
import { calendarLocaleFor, findIndustryTemplate } from '../../planning/templates/industry-templates.ts';
import { seasonalDatesAhead } from '../../planning/templates/seasonal-ahead.ts';
import { gatherFacts } from '../intelligence/gather-facts.ts';
import { noCompetitors } from '../intelligence/competitor-source.ts';
import { describeAdjustments, storedAdjustments } from '../learning/adjustments-source.ts';

/** Topics of the month the prompt lists (the latest), each cut to this many characters. */
export const USED_TOPICS_SHOWN = 24;
export const USED_TOPIC_CHARS = 60;
export const FINDINGS_SHOWN = 3;
/** Each line from the last retrospective is cut to this many characters. */
export const LESSON_CHARS = 300;

const pillarSchema = z.object({ key: z.string(), name: z.string(), share: z.number() });

export const contentWeekSchema = z.object({
  week: z.string(),
  /** The week's days inside the plan's month and not before the run started, in the workspace's calendar. */
  days: z.array(z.string()),
  theme: z.string().nullable(),
  seasonal: z.array(z.string()),
  /** Briefs per network this week. */
  counts: z.record(z.string(), z.number().int()),
});

export const contentContextSchema = z.object({
  brand: z.string(),
  pillars: z.array(pillarSchema),
  networks: z.array(z.object({ network: z.enum(NETWORK_IDS), accountIds: z.array(z.string()) })),
  findings: z.array(z.string()),
  /** What the last applied weekly retrospective said about topics (empty before one is applied). */
  lessons: z.array(z.string()).default([]),
  usedTopics: z.array(z.string()),
  weeks: z.array(contentWeekSchema),
});

export type ContentContext = z.infer<typeof contentContextSchema>;
export type ContentWeek = z.infer<typeof contentWeekSchema>;
type Db = Pick<Database, 'select'>;

export type ContextRequest = {
  workspace: { id: string; timezone: string; locale: string };
  plan: PlanRow;
  weeks: readonly string[];
  /** Null: every network the workspace has a connected account on. */
  networks: readonly NetworkId[] | null;
  now: Date;
  rules?: PlanRulesLoader;
};

export const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

async function brandLine(db: Db, workspaceId: string) {
  const profile = await getBrandProfile(db, workspaceId);
  const brand = profile?.brand ?? null;
  if (brand === null) return { line: 'Brand: not described yet.', topics: [] as string[] };
  const line = `Brand: ${brand.name} (${brand.industry}); audience: ${shorten(brand.audience, 80)}; tone: ${brand.voice.tone.join(', ')}; language: ${brand.language}.`;
  return { line: shorten(line, 240), topics: brand.topics };
}

/** Pillars from the strategy; without one, the brand's topics in equal shares. */
function pillarsOf(strategyPillars: ContentContext['pillars'], topics: readonly string[]): ContentContext['pillars'] {
  if (strategyPillars.length > 0) return strategyPillars;
  const chosen = topics.slice(0, 6);
  return chosen.map((topic, index) => ({
    key:
      topic
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || `pillar-${index + 1}`,
    name: topic,
    share: Math.round((100 / chosen.length) * 10) / 10,
  }));
}

async function accountsByNetwork(db: Db, workspaceId: string, only: readonly NetworkId[] | null) {
  const rows = await db
    .select({ id: socialAccounts.id, network: socialAccounts.network })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.workspaceId, workspaceId), eq(socialAccounts.status, 'connected')))
    .orderBy(asc(socialAccounts.createdAt), asc(socialAccounts.id));
  const networks = new Map<NetworkId, string[]>();
  for (const row of rows)
    if (only === null || only.includes(row.network))
      networks.set(row.network, [...(networks.get(row.network) ?? []), row.id]);
  return [...networks.entries()].map(([network, accountIds]) => ({ network, accountIds }));
}

async function seasonalSource(db: Db, workspace: ContextRequest['workspace']) {
  const strategy = await getWorkspaceStrategy(db, workspace.id);
  const copy = await getTemplateCopy(db, workspace.id);
  const template = copy?.template ?? (strategy?.templateId ? findIndustryTemplate(strategy.templateId) : undefined);
  const locale = calendarLocaleFor(strategy?.locale ?? workspace.locale);
  return (monday: string) =>
    template && locale
      ? seasonalDatesAhead(template.seasonal, locale, monday, 6).map(
          (item) => `${item.date} ${item.name}${item.angle ? ` (angle: ${item.angle})` : ''}`,
        )
      : [];
}

async function findingsOf(db: Db, workspace: ContextRequest['workspace']): Promise<string[]> {
  const facts = await gatherFacts(
    { db, competitors: noCompetitors },
    { workspaceId: workspace.id, zone: workspace.timezone },
  );
  return facts.findings.slice(0, FINDINGS_SHOWN);
}

export async function gatherContentContext(db: Db, request: ContextRequest): Promise<ContentContext> {
  const { workspace, plan } = request;
  const brand = await brandLine(db, workspace.id);
  const source = await (request.rules ?? strategyRulesLoader)(db as Database, workspace.id);
  const networks = await accountsByNetwork(db, workspace.id, request.networks);
  const rules = slotRulesFor(
    source,
    workspace.timezone,
    networks.map((item) => item.network),
  );
  const seasonal = await seasonalSource(db, workspace);
  const today = localDay(request.now, workspace.timezone);
  const briefs = (await listBriefRows(db, plan.id)).filter(isLive);
  const weeks = request.weeks.map((week): ContentWeek => {
    const days = daysOfWeek(week).filter((day) => monthOf(day) === plan.month && day >= today);
    const counts: Record<string, number> = {};
    for (const { network, accountIds } of networks) {
      const perWeek = (rules.cadencePerWeek[network] ?? 0) * accountIds.length;
      const cap = days.length * rules.postsPerDayPerAccount * accountIds.length;
      counts[network] = Math.min(cap, Math.round((perWeek * days.length) / 7));
    }
    return {
      week,
      days,
      theme: plan.themes.find((item) => item.week === week)?.theme ?? null,
      seasonal: seasonal(week),
      counts,
    };
  });
  return {
    brand: brand.line,
    pillars: pillarsOf(source.pillars, brand.topics),
    networks,
    findings: await findingsOf(db, workspace),
    lessons: describeAdjustments(await storedAdjustments(db).current(workspace.id)).map((line) =>
      shorten(line, LESSON_CHARS),
    ),
    usedTopics: briefs.map((brief) => brief.topic),
    weeks,
  };
}

/** Briefs the week asks for, all networks together. */
export const weekTotal = (week: ContentWeek) => Object.values(week.counts).reduce((sum, count) => sum + count, 0);
