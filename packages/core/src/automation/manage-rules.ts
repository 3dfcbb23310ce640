/**
 * Automation rules: create (the webhook signing secret is returned once), list, read, change, delete.
 * Every rule is checked whole before it is saved (check-rule.ts); every change is audited.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { RuleInput } from '@plume/contract/automation/automation-schemas';
import type { Database } from '@plume/db/client';
import { automationRules } from '@plume/db/schema/automation';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { SsrfGuard } from '@plume/http/ssrf-guard';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { generateWebhookSecret } from '../webhooks/webhook-signature.ts';
import { checkRule } from './check-rule.ts';
import { nextCronRun } from './cron-schedule.ts';

export type RuleDeps = { db: Database; keyring: Keyring; guard: SsrfGuard };
export type RuleRow = typeof automationRules.$inferSelect;
type Scope = { workspaceId: string; actor: AuditActor };

export type RuleView = Omit<RuleRow, 'workspaceId' | 'secretCiphertext' | 'createdBy' | 'triggerType' | 'cron'> & {
  trigger: RuleInput['trigger'];
};

export function toRuleView(row: RuleRow): RuleView {
  const { workspaceId, secretCiphertext, createdBy, triggerType, cron, ...view } = row;
  void [workspaceId, secretCiphertext, createdBy];
  return { ...view, trigger: cron === null ? { type: triggerType } : { type: triggerType, cron } };
}

export async function workspaceZone(db: Pick<Database, 'select'>, workspaceId: string): Promise<string> {
  const [row] = await db.select({ zone: workspaces.timezone }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.zone ?? 'UTC';
}

export async function listRules(db: Database, workspaceId: string): Promise<RuleView[]> {
  const rows = await db
    .select()
    .from(automationRules)
    .where(eq(automationRules.workspaceId, workspaceId))
    .orderBy(desc(automationRules.createdAt));
  return rows.map(toRuleView);
}

/** The rule, if it is this workspace's; another workspace's reads as not found. */
export async function findRule(db: Pick<Database, 'select'>, workspaceId: string, id: string): Promise<RuleRow> {
  const [row] = await db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.id, id), eq(automationRules.workspaceId, workspaceId)));
  if (row === undefined) throw AppError.notFound('automation rule');
  return row;
}

function nextRunOf(rule: Pick<RuleInput, 'trigger' | 'enabled'>, zone: string, now: Date): Date | null {
  if (!rule.enabled || rule.trigger.type !== 'schedule' || rule.trigger.cron === undefined) return null;
  return nextCronRun(rule.trigger.cron, zone, now);
}

function columnsOf(rule: RuleInput, zone: string, now: Date) {
  return {
    name: rule.name,
    enabled: rule.enabled,
    triggerType: rule.trigger.type,
    cron: rule.trigger.type === 'schedule' ? (rule.trigger.cron ?? null) : null,
    conditions: rule.conditions,
    actions: rule.actions,
    nextRunAt: nextRunOf(rule, zone, now),
  };
}

export async function createRule(
  deps: RuleDeps,
  input: Scope & { rule: RuleInput; now?: Date },
): Promise<RuleView & { signingSecret: string }> {
  const zone = await workspaceZone(deps.db, input.workspaceId);
  await checkRule(deps, { workspaceId: input.workspaceId, zone, rule: input.rule });
  const secret = generateWebhookSecret();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(automationRules)
      .values({
        workspaceId: input.workspaceId,
        ...columnsOf(input.rule, zone, input.now ?? new Date()),
        secretCiphertext: deps.keyring.encrypt(secret),
        createdBy: input.actor.type === 'user' ? input.actor.id : null,
      })
      .returning();
    if (row === undefined) throw new Error('rule insert returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'automation_rule.created', 'automation_rule', row.id, {
      name: row.name,
      trigger: row.triggerType,
    });
    return { ...toRuleView(row), signingSecret: secret };
  });
}

export async function updateRule(
  deps: RuleDeps,
  input: Scope & { ruleId: string; changes: Partial<RuleInput>; now?: Date },
): Promise<RuleView> {
  const current = await findRule(deps.db, input.workspaceId, input.ruleId);
  const view = toRuleView(current);
  const merged: RuleInput = {
    name: input.changes.name ?? view.name,
    enabled: input.changes.enabled ?? view.enabled,
    trigger: input.changes.trigger ?? view.trigger,
    conditions: input.changes.conditions ?? view.conditions,
    actions: input.changes.actions ?? view.actions,
  };
  const zone = await workspaceZone(deps.db, input.workspaceId);
  await checkRule(deps, { workspaceId: input.workspaceId, zone, rule: merged });
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(automationRules)
      .set({
        ...columnsOf(merged, zone, input.now ?? new Date()),
        // Turning a rule back on (or changing it) clears why Plume had turned it off.
        pausedReason: merged.enabled ? null : current.pausedReason,
        updatedAt: new Date(),
      })
      .where(eq(automationRules.id, current.id))
      .returning();
    if (row === undefined) throw AppError.notFound('automation rule');
    await recordAudit(tx, input.workspaceId, input.actor, 'automation_rule.updated', 'automation_rule', row.id, {
      changed: Object.keys(input.changes),
      enabled: row.enabled,
    });
    return toRuleView(row);
  });
}

export async function deleteRule(db: Database, input: Scope & { ruleId: string }): Promise<void> {
  const rule = await findRule(db, input.workspaceId, input.ruleId);
  await db.transaction(async (tx) => {
    await tx.delete(automationRules).where(eq(automationRules.id, rule.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'automation_rule.deleted', 'automation_rule', rule.id, {
      name: rule.name,
    });
  });
}
