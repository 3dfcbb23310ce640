/**
 * "What would this rule have done over the last 7 days?": the trigger's past events (dry-run-sources.ts)
 * through the rule's conditions, and for each match the actions in plain words. Reads only: no draft,
 * reply, notification, webhook call or run is made, and limits are not counted.
 */
import type { AutomationAction, RuleInput } from '@plume/contract/automation/automation-schemas';
import { fillTemplate, matchesConditions } from '@plume/contract/automation/rule-checks';
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import type { SsrfGuard } from '@plume/http/ssrf-guard';
import { checkRule, type RuleParts } from './check-rule.ts';
import { findRule, toRuleView, workspaceZone } from './manage-rules.ts';
import { pastEvents, type PastEvent } from './dry-run-sources.ts';

export const DRY_RUN_DAYS = 7;
const MATCHES_SHOWN = 100;

export type DryRunMatch = Omit<PastEvent, 'data'> & {
  input: Record<string, unknown>;
  actions: { type: AutomationAction['type']; wouldDo: string }[];
};
export type DryRunResult = {
  from: Date;
  to: Date;
  zone: string;
  considered: number;
  matches: DryRunMatch[];
  truncated: boolean;
};

export async function dryRunRule(
  deps: { db: Database; guard: SsrfGuard },
  input: { workspaceId: string; ruleId?: string | undefined; rule?: Partial<RuleInput> | undefined; now?: Date },
): Promise<DryRunResult> {
  const zone = await workspaceZone(deps.db, input.workspaceId);
  const rule = await ruleToTry(deps, input, zone);
  const to = input.now ?? new Date();
  const from = new Date(to.getTime() - DRY_RUN_DAYS * 24 * 3_600_000);
  const events = await pastEvents(deps.db, rule.trigger.type, {
    workspaceId: input.workspaceId,
    from,
    to,
    zone,
    cron: rule.trigger.cron,
  });
  const matching = events.filter((event) => matchesConditions(rule.conditions, event.data));
  return {
    from,
    to,
    zone,
    considered: events.length,
    matches: matching.slice(0, MATCHES_SHOWN).map((event) => ({
      at: event.at,
      source: event.source,
      summary: event.summary,
      input: event.data,
      actions: rule.actions.map((action) => ({ type: action.type, wouldDo: wouldDo(action, event.data) })),
    })),
    truncated: matching.length > MATCHES_SHOWN,
  };
}

async function ruleToTry(
  deps: { db: Database; guard: SsrfGuard },
  input: { workspaceId: string; ruleId?: string | undefined; rule?: Partial<RuleInput> | undefined },
  zone: string,
): Promise<RuleParts> {
  if ((input.ruleId === undefined) === (input.rule === undefined))
    throw AppError.validation('body/rule', 'Send either a saved rule’s id (ruleId) or a rule to try (rule), not both.');
  if (input.ruleId !== undefined) return toRuleView(await findRule(deps.db, input.workspaceId, input.ruleId));
  const rule = input.rule!;
  if (rule.trigger === undefined) throw AppError.validation('body/rule/trigger', 'Choose what starts the rule.');
  if (rule.actions === undefined || rule.actions.length === 0)
    throw AppError.validation('body/rule/actions', 'Add at least one action.');
  const parts = { trigger: rule.trigger, conditions: rule.conditions ?? [], actions: rule.actions };
  await checkRule(deps, { workspaceId: input.workspaceId, zone, rule: parts, prefix: 'body/rule' });
  return parts;
}

/** One action, in plain words, as it would have run for this event. */
export function wouldDo(action: AutomationAction, data: Record<string, unknown>): string {
  const fill = (text: string) => fillTemplate(text, data);
  switch (action.type) {
    case 'generate_draft':
      return `Write a draft post about “${fill(action.topic)}” for ${action.accountIds.length} account(s).`;
    case 'schedule_next_slot':
      return 'Schedule that draft in the next free posting slot.';
    case 'draft_reply':
      return 'Draft a reply with AI, for a person to approve.';
    case 'send_reply':
      return `Send the reply “${fill(action.text)}” (disclosed as automated).`;
    case 'assign':
      return 'Assign the conversation to the chosen member.';
    case 'tag':
      return `Tag the conversation “${action.tag}”.`;
    case 'notify':
      return `Notify ${action.audience === 'managers' ? 'owners and admins' : 'all members'}: “${fill(action.title)}”.`;
    case 'call_webhook':
      return `POST the event, signed, to ${action.url}.`;
    case 'pause_autopilot':
      return `Pause the autopilot: “${fill(action.reason)}”.`;
  }
}
