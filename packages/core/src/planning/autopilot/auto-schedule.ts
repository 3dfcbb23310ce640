/**
 * Level `auto_schedule`: after the week is placed and its drafts submitted, the autopilot approves and
 * schedules, as the system actor, the drafts of the approved pillars that pass every guardrail; the
 * others wait for a person, each with its reason. Nothing is scheduled while the autopilot is paused,
 * after a negative spike (which pauses it), or once the month's AI budget reaches its alert threshold.
 * Every action and every draft held back is an audit-log entry (actor: Autopilot).
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { ALERT_THRESHOLDS, formatUsd } from '@plume/llm/gateway/budget';
import { mediaAssets } from '@plume/db/schema/media';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { planBriefs } from '@plume/db/schema/planning';
import { AppError } from '@plume/errors/app-error';
import { recordAudit } from '../../audit/record-audit.ts';
import { getBrandProfile } from '../../content/brand-profile-store.ts';
import { readBudget } from '../../llm/read-budget.ts';
import type { PostActor } from '../../posts/approval-settings.ts';
import { actOnPost } from '../../posts/manage-posts.ts';
import { formatWall, utcToWall } from '../../scheduling/zoned-time.ts';
import { localInstant } from '../placement/slot-calendar.ts';
import { daysOfWeek, plusDays, startOfDay } from '../plans/plan-calendar.ts';
import { strategyRulesLoader } from '../plans/plan-rules.ts';
import { listBriefRows, type BriefRow, type PlanRow } from '../plans/plan-store.ts';
import { isLive, zoneOf, type PlanDeps } from '../plans/plan-world.ts';
import { AUTOPILOT_ACTOR, autopilotResumedAt, pauseAutopilot, type AutopilotSettings } from './autopilot-store.ts';
import { checkGuardrails, type AutoScheduleCandidate, type GuardrailSettings } from './guardrails.ts';
import { findNegativeSpike } from './negative-spike.ts';

export const AUTOPILOT_POST_ACTOR: PostActor = { kind: 'system', userId: null, name: 'Autopilot', role: 'editor' };

export type AutoScheduleOutcome = {
  scheduled: { briefId: string; postId: string; at: string; local: string }[];
  held: { briefId: string; postId: string; guardrail: string; message: string }[];
  /** Why nothing was scheduled this week (paused, a spike, the budget), or null. */
  stopped: string | null;
};

/** Why the autopilot schedules nothing now (paused, a spike it pauses on, the budget), or null. */
async function stopReason(deps: PlanDeps, workspaceId: string, settings: AutopilotSettings, now: Date) {
  if (settings.paused !== null) return `The autopilot is paused: ${settings.paused.reason}`;
  if (settings.pauseOnNegativeSpike) {
    const since = await autopilotResumedAt(deps.db, workspaceId);
    const spike = await findNegativeSpike(deps.db, { workspaceId, now, since });
    if (spike !== null) {
      await pauseAutopilot(deps.db, { workspaceId, reason: spike.reason, evidence: spike.evidence, now });
      return `The autopilot paused itself: ${spike.reason}`;
    }
  }
  const budget = await readBudget(deps.db, workspaceId, now);
  const limit = budget.limits.monthlyLimitMicros;
  const threshold = ALERT_THRESHOLDS[0];
  if (limit !== null && budget.month.costMicros * 100 >= limit * threshold)
    return `The month's AI budget has reached its alert threshold (${formatUsd(budget.month.costMicros)} of ${formatUsd(limit)}, ${threshold} % or more): nothing more is scheduled by itself this month.`;
  return null;
}

type PostFacts = { state: string; texts: string[]; networks: string[]; aiMedia: boolean; scheduledAt: Date | null };

async function postFacts(deps: PlanDeps, workspaceId: string, postId: string): Promise<PostFacts | null> {
  const [post] = await deps.db
    .select({ state: posts.state, content: posts.content, scheduledAt: posts.scheduledAt })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  if (post === undefined) return null;
  const targets = await deps.db
    .select({ network: postTargets.network, override: postTargets.override })
    .from(postTargets)
    .where(eq(postTargets.postId, postId));
  const { content } = post;
  const overrides = targets.map((target) => target.override);
  const mediaIds = [...content.mediaIds, ...overrides.flatMap((override) => override.mediaIds ?? [])];
  const media =
    mediaIds.length === 0
      ? []
      : await deps.db
          .select({ ai: mediaAssets.aiGenerated })
          .from(mediaAssets)
          .where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, mediaIds)));
  const texts = [
    content.text,
    ...content.thread.map((part) => part.text),
    content.firstComment ?? '',
    content.hashtags.map((tag) => `#${tag}`).join(' '),
    ...overrides.flatMap((override) => [override.text ?? '', override.firstComment ?? '']),
  ].filter((text) => text !== '');
  return {
    state: post.state,
    texts,
    networks: targets.map((target) => target.network),
    aiMedia: media.length > 0 && media.every((item) => item.ai),
    scheduledAt: post.scheduledAt,
  };
}

/** Posts of the account approved, scheduled, publishing or published on the local day of `at`. */
async function postsOnDay(deps: PlanDeps, workspaceId: string, accountId: string, zone: string, at: Date) {
  const day = localInstant(zone, at).dayKey;
  const rows = await deps.db
    .select({ id: posts.id })
    .from(posts)
    .innerJoin(postTargets, eq(postTargets.postId, posts.id))
    .where(
      and(
        eq(posts.workspaceId, workspaceId),
        eq(postTargets.accountId, accountId),
        inArray(posts.state, ['approved', 'scheduled', 'publishing', 'published']),
        gte(posts.scheduledAt, startOfDay(zone, day)),
        lt(posts.scheduledAt, startOfDay(zone, plusDays(day, 1))),
      ),
    );
  return new Set(rows.map((row) => row.id)).size;
}

async function approveAsAutopilot(deps: PlanDeps, workspaceId: string, brief: BriefRow, postId: string, state: string) {
  const act = (type: 'submit' | 'approve') =>
    actOnPost(deps, { workspaceId, postId, actor: AUTOPILOT_POST_ACTOR, action: { type } });
  let next = state;
  if (next === 'draft') next = await act('submit');
  if (next === 'in_review') next = await act('approve');
  if (next === 'scheduled' || next === 'approved')
    await deps.db.update(planBriefs).set({ state: next, updatedAt: new Date() }).where(eq(planBriefs.id, brief.id));
  return next;
}

export async function autoScheduleWeek(
  deps: PlanDeps,
  input: { plan: PlanRow; week: string; settings: AutopilotSettings; now: Date; runId: string },
): Promise<AutoScheduleOutcome> {
  const { plan, settings, now } = input;
  const workspaceId = plan.workspaceId;
  const outcome: AutoScheduleOutcome = { scheduled: [], held: [], stopped: null };
  outcome.stopped = await stopReason(deps, workspaceId, settings, now);
  if (outcome.stopped !== null) {
    await recordAudit(deps.db, workspaceId, AUTOPILOT_ACTOR, 'autopilot.stopped', 'plan', plan.id, {
      week: input.week,
      reason: outcome.stopped,
      runId: input.runId,
    });
    return outcome;
  }
  const zone = await zoneOf(deps.db, workspaceId);
  const source = await (deps.loadRules ?? strategyRulesLoader)(deps.db, workspaceId);
  const profile = await getBrandProfile(deps.db, workspaceId);
  const guardrails: GuardrailSettings = { ...settings, quietHours: source.rules.quietHours };
  const days = new Set(daysOfWeek(input.week));
  const briefs = (await listBriefRows(deps.db, plan.id)).filter(
    (brief) => isLive(brief) && days.has(brief.day) && brief.state === 'drafted' && brief.postId !== null,
  );
  for (const brief of briefs) {
    const postId = brief.postId!;
    const facts = await postFacts(deps, workspaceId, postId);
    if (facts === null || (facts.state !== 'draft' && facts.state !== 'in_review')) continue;
    const slot = facts.scheduledAt ?? brief.slot;
    const candidate: AutoScheduleCandidate = {
      pillar: brief.pillar,
      slot,
      minuteOfDay: slot === null ? 0 : localInstant(zone, slot).minuteOfDay,
      texts: facts.texts,
      postsThatDay: slot === null ? 0 : await postsOnDay(deps, workspaceId, brief.accountId, zone, slot),
      aiLabelNetworks: facts.networks.filter((network) => deps.runtime.provider(network).manifest.media.aiLabel),
      hasAiLabelledMedia: facts.aiMedia,
      personaDisclosure: profile?.persona?.disclosure ?? null,
    };
    const failure = checkGuardrails(candidate, guardrails);
    const subject = { briefId: brief.id, pillar: brief.pillar, week: input.week, runId: input.runId };
    if (failure !== null) {
      outcome.held.push({ briefId: brief.id, postId, ...failure });
      await recordAudit(deps.db, workspaceId, AUTOPILOT_ACTOR, 'autopilot.held', 'post', postId, {
        ...subject,
        ...failure,
      });
      continue;
    }
    try {
      const state = await approveAsAutopilot(deps, workspaceId, brief, postId, facts.state);
      const local = formatWall(utcToWall(zone, slot!));
      outcome.scheduled.push({ briefId: brief.id, postId, at: slot!.toISOString(), local });
      await recordAudit(deps.db, workspaceId, AUTOPILOT_ACTOR, 'autopilot.scheduled', 'post', postId, {
        ...subject,
        state,
        at: slot!.toISOString(),
        why: `Pillar ${brief.pillar} is approved for auto-scheduling and the draft passed every guardrail.`,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.held.push({ briefId: brief.id, postId, guardrail: 'post_checks', message: error.message });
      await recordAudit(deps.db, workspaceId, AUTOPILOT_ACTOR, 'autopilot.held', 'post', postId, {
        ...subject,
        guardrail: 'post_checks',
        message: error.message,
      });
    }
  }
  return outcome;
}
