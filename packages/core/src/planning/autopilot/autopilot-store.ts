/**
 * The workspace's autopilot settings and pause: one row of `workspace_autopilots` (none: level
 * `draft` and the default guardrails). Raising the level takes an admin or the owner; every change,
 * pause and resume is in the audit log.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { workspaceAutopilots } from '@plume/db/schema/strategy';
import type { WorkspaceRole } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import { hasRole } from '@plume/contract/workspaces/workspace-enums';
import type {
  AutopilotLevel,
  AutopilotSettings,
  AutopilotSettingsInput,
} from '@plume/contract/planning/autopilot-schemas';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { getWorkspaceStrategy } from '../strategy/strategy-store.ts';

export type { AutopilotSettings };

/** The autopilot as an actor: in the audit log, in post histories. */
export const AUTOPILOT_ACTOR: AuditActor = { type: 'system', id: 'autopilot', name: 'Autopilot' };

export const DEFAULT_AUTOPILOT: AutopilotSettings = {
  level: 'draft',
  approvedPillars: [],
  postsPerDayPerAccount: 1,
  bannedTopics: [],
  requireAiDisclosure: true,
  pauseOnNegativeSpike: true,
  paused: null,
  updatedAt: null,
};

const RANK: Record<AutopilotLevel, number> = { off: 0, draft: 1, auto_schedule: 2 };

type Reader = Pick<Database, 'select'>;

export async function getAutopilot(db: Reader, workspaceId: string): Promise<AutopilotSettings> {
  const [row] = await db.select().from(workspaceAutopilots).where(eq(workspaceAutopilots.workspaceId, workspaceId));
  if (row === undefined) return DEFAULT_AUTOPILOT;
  return {
    level: row.level,
    approvedPillars: row.approvedPillars,
    postsPerDayPerAccount: row.postsPerDayPerAccount,
    bannedTopics: row.bannedTopics,
    requireAiDisclosure: row.requireAiDisclosure,
    pauseOnNegativeSpike: row.pauseOnNegativeSpike,
    paused: row.pausedAt === null ? null : { at: row.pausedAt, reason: row.pauseReason ?? 'Paused.' },
    updatedAt: row.updatedAt,
  };
}

/** For the weekly learning runs: a workspace whose autopilot is `off` gets none started by itself. */
export const autopilotIsOff =
  (db: Reader) =>
  async (workspaceId: string): Promise<boolean> =>
    (await getAutopilot(db, workspaceId)).level === 'off';

/** Saves the settings. Raising the level needs an admin or the owner; approved pillars must be the strategy's. */
export async function putAutopilot(
  db: Database,
  input: { workspaceId: string; actor: AuditActor; role: WorkspaceRole; body: AutopilotSettingsInput },
): Promise<AutopilotSettings> {
  const { workspaceId, body } = input;
  const current = await getAutopilot(db, workspaceId);
  if (RANK[body.level] > RANK[current.level] && !hasRole(input.role, 'admin'))
    throw AppError.forbidden('Only an admin or the owner can raise the autopilot level.');
  const strategy = await getWorkspaceStrategy(db, workspaceId);
  const keys = new Set(strategy?.pillars.map((pillar) => pillar.key) ?? []);
  body.approvedPillars.forEach((key, index) => {
    if (!keys.has(key))
      throw AppError.validation(
        `approvedPillars/${index}`,
        strategy === null
          ? 'The workspace has no strategy yet, so no pillars to approve.'
          : 'Not a pillar of the strategy.',
      );
  });
  const values = {
    level: body.level,
    approvedPillars: body.approvedPillars,
    postsPerDayPerAccount: body.postsPerDayPerAccount,
    bannedTopics: [...new Set(body.bannedTopics.map((topic) => topic.trim()))],
    requireAiDisclosure: body.requireAiDisclosure,
    pauseOnNegativeSpike: body.pauseOnNegativeSpike,
    updatedBy: input.actor.type === 'user' ? input.actor.id : null,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(workspaceAutopilots)
      .values({ workspaceId, ...values })
      .onConflictDoUpdate({ target: workspaceAutopilots.workspaceId, set: values });
    await recordAudit(tx, workspaceId, input.actor, 'autopilot.updated', 'autopilot', workspaceId, {
      level: body.level,
      from: current.level,
      approvedPillars: body.approvedPillars,
      postsPerDayPerAccount: body.postsPerDayPerAccount,
      bannedTopics: values.bannedTopics.length,
      requireAiDisclosure: body.requireAiDisclosure,
      pauseOnNegativeSpike: body.pauseOnNegativeSpike,
    });
  });
  return getAutopilot(db, workspaceId);
}

/** Pauses the autopilot with the reason (the autopilot itself, on a negative spike). */
export async function pauseAutopilot(
  db: Database,
  input: { workspaceId: string; reason: string; evidence: Record<string, unknown>; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(workspaceAutopilots)
      .values({ workspaceId: input.workspaceId, pausedAt: input.now, pauseReason: input.reason })
      .onConflictDoUpdate({
        target: workspaceAutopilots.workspaceId,
        set: { pausedAt: input.now, pauseReason: input.reason, updatedAt: input.now },
      });
    await recordAudit(tx, input.workspaceId, AUTOPILOT_ACTOR, 'autopilot.paused', 'autopilot', input.workspaceId, {
      reason: input.reason,
      ...input.evidence,
    });
  });
}

/** Ends a pause (admins and the owner). A spike seen before `now` does not pause it again. */
export async function resumeAutopilot(
  db: Database,
  input: { workspaceId: string; actor: AuditActor },
): Promise<AutopilotSettings> {
  const current = await getAutopilot(db, input.workspaceId);
  if (current.paused === null) throw new AppError('invalid_state', { detail: 'The autopilot is not paused.' });
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(workspaceAutopilots)
      .set({ pausedAt: null, pauseReason: null, resumedAt: now, updatedAt: now })
      .where(eq(workspaceAutopilots.workspaceId, input.workspaceId));
    await recordAudit(tx, input.workspaceId, input.actor, 'autopilot.resumed', 'autopilot', input.workspaceId, {
      pausedFor: current.paused?.reason ?? null,
    });
  });
  return getAutopilot(db, input.workspaceId);
}

/** When a person last resumed the autopilot (null: never). */
export async function autopilotResumedAt(db: Reader, workspaceId: string): Promise<Date | null> {
  const [row] = await db
    .select({ resumedAt: workspaceAutopilots.resumedAt })
    .from(workspaceAutopilots)
    .where(eq(workspaceAutopilots.workspaceId, workspaceId));
  return row?.resumedAt ?? null;
}
