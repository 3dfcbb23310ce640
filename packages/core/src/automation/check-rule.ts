/**
 * Everything a rule must satisfy before it is saved or dry-run: its shape's cross-field checks
 * (rule-checks.ts: fields of the trigger, operators, values, which actions fit), a cron expression
 * Plume can read, accounts and members of this workspace, and webhook addresses the SSRF guard allows.
 * All problems come back together, each at its field path.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { RuleInput } from '@plume/contract/automation/automation-schemas';
import { ruleProblems } from '@plume/contract/automation/rule-checks';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import { members } from '@plume/db/schema/workspaces';
import { AppError, isAppError, type FieldError } from '@plume/errors/app-error';
import type { SsrfGuard } from '@plume/http/ssrf-guard';
import { checkWebhookUrl } from '../webhooks/check-webhook-url.ts';
import { checkCron } from './cron-schedule.ts';

export type RuleParts = Pick<RuleInput, 'trigger' | 'conditions' | 'actions'>;

export async function checkRule(
  deps: { db: Pick<Database, 'select'>; guard: SsrfGuard },
  input: { workspaceId: string; zone: string; rule: RuleParts; prefix?: string },
): Promise<void> {
  const prefix = input.prefix ?? 'body';
  const problems: FieldError[] = ruleProblems(input.rule, prefix);
  const cron = input.rule.trigger.cron;
  if (input.rule.trigger.type === 'schedule' && cron !== undefined && cron !== '')
    problems.push(...caught(() => checkCron(cron, input.zone, `${prefix}/trigger/cron`)));
  problems.push(...(await referenceProblems(deps, input.workspaceId, input.rule, prefix)));
  if (problems.length > 0)
    throw new AppError('validation_failed', {
      detail: problems.map((problem) => `${problem.path}: ${problem.message}`).join(' '),
      errors: problems,
    });
}

function caught(check: () => void): FieldError[] {
  try {
    check();
    return [];
  } catch (error) {
    if (isAppError(error) && error.errors !== undefined) return error.errors;
    throw error;
  }
}

async function referenceProblems(
  deps: { db: Pick<Database, 'select'>; guard: SsrfGuard },
  workspaceId: string,
  rule: RuleParts,
  prefix: string,
): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [index, action] of rule.actions.entries()) {
    const path = `${prefix}/actions/${index}`;
    if (action.type === 'generate_draft') {
      const found = await deps.db
        .select({ id: socialAccounts.id })
        .from(socialAccounts)
        .where(and(eq(socialAccounts.workspaceId, workspaceId), inArray(socialAccounts.id, action.accountIds)));
      action.accountIds.forEach((id, position) => {
        if (!found.some((row) => row.id === id))
          problems.push({ path: `${path}/accountIds/${position}`, message: 'No such account in this workspace.' });
      });
    }
    if (action.type === 'assign') {
      const [member] = await deps.db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.organizationId, workspaceId), eq(members.userId, action.userId)));
      if (member === undefined)
        problems.push({ path: `${path}/userId`, message: 'Choose a member of this workspace.' });
    }
    if (action.type === 'call_webhook') {
      try {
        await checkWebhookUrl(deps.guard, action.url);
      } catch (error) {
        if (!isAppError(error) || error.errors === undefined) throw error;
        problems.push(...error.errors.map((problem) => ({ ...problem, path: `${path}/url` })));
      }
    }
  }
  return problems;
}
