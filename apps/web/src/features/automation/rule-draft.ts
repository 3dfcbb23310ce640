/**
 * The rule editor's state: what the person is typing, turned into the API's rule body, and the
 * suggested rules the empty page offers. Problems are keyed by their path inside the rule
 * (`conditions/0/value`), the same paths the API answers with.
 */
import type {
  AutomationActionWire as AutomationAction,
  RuleInputWire,
} from '@plume/contract/automation/automation-schemas';
import type {
  AutomationActionType,
  AutomationTrigger,
  ConditionOperator,
} from '@plume/contract/automation/automation-triggers';
import { ruleProblems } from '@plume/contract/automation/rule-checks';
import { ApiError } from '../../lib/api.ts';
import { relativePath } from '../../lib/field-errors.ts';

export type ConditionDraft = { field: string; operator: string; value: string };
export type RuleDraft = {
  name: string;
  trigger: AutomationTrigger;
  cron: string;
  conditions: ConditionDraft[];
  actions: AutomationAction[];
};
export type Problems = Record<string, string>;

export function emptyDraft(): RuleDraft {
  return { name: '', trigger: 'inbox.item_created', cron: '', conditions: [], actions: [] };
}

/** A new action of a type, with its fields empty (or at their defaults). */
export function newAction(type: AutomationActionType, me: string): AutomationAction {
  switch (type) {
    case 'generate_draft':
      return { type, topic: '', accountIds: [] };
    case 'schedule_next_slot':
      return { type };
    case 'draft_reply':
      return { type, instructions: '' };
    case 'send_reply':
      return { type, text: '' };
    case 'assign':
      return { type, userId: me };
    case 'tag':
      return { type, tag: '' };
    case 'notify':
      return { type, audience: 'managers', title: '', body: '' };
    case 'call_webhook':
      return { type, url: '' };
    case 'pause_autopilot':
      return { type, reason: '' };
  }
}

function valueOf(condition: ConditionDraft, isNumber: boolean): string | number | string[] {
  if (condition.operator === 'in')
    return condition.value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  if (isNumber && condition.value.trim() !== '' && !Number.isNaN(Number(condition.value)))
    return Number(condition.value);
  return condition.value;
}

export function toRuleBody(draft: RuleDraft, numberFields: ReadonlySet<string>): RuleInputWire {
  return {
    name: draft.name.trim(),
    trigger: draft.trigger === 'schedule' ? { type: draft.trigger, cron: draft.cron.trim() } : { type: draft.trigger },
    conditions: draft.conditions.map((condition) => ({
      field: condition.field,
      operator: condition.operator as ConditionOperator,
      value: valueOf(condition, numberFields.has(condition.field)),
    })),
    actions: draft.actions,
  };
}

export function fromRule(rule: {
  name: string;
  trigger: { type: AutomationTrigger; cron?: string | undefined };
  conditions: readonly { field: string; operator: string; value: string | number | readonly string[] }[];
  actions: readonly AutomationAction[];
}): RuleDraft {
  return {
    name: rule.name,
    trigger: rule.trigger.type,
    cron: rule.trigger.cron ?? '',
    conditions: rule.conditions.map((condition) => ({
      field: condition.field,
      operator: condition.operator,
      value: Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value),
    })),
    actions: [...rule.actions],
  };
}

/** What the page can tell before asking the server: the same checks the server makes. */
export function localProblems(body: RuleInputWire): Problems {
  const problems: Problems = {};
  if (body.name === '') problems.name = 'Enter a name.';
  if (body.actions.length === 0) problems.actions = 'Add at least one action.';
  const parts = { trigger: body.trigger, conditions: body.conditions ?? [], actions: body.actions };
  for (const problem of ruleProblems(parts)) problems[relativePath(problem.path)] ??= problem.message;
  return problems;
}

/** The API's field problems, keyed by their path inside the rule (a dry run's `rule/…` too). */
export function serverProblems(error: unknown): Problems {
  if (!(error instanceof ApiError)) return {};
  const problems: Problems = {};
  for (const problem of error.errors) problems[relativePath(problem.path).replace(/^rule\//, '')] ??= problem.message;
  return problems;
}

/** The empty page's suggestions: rules most workspaces want, ready to adjust. */
export function suggestedRules(me: string): { title: string; draft: RuleDraft }[] {
  return [
    {
      title: 'Tag complaints and assign them to me',
      draft: {
        name: 'Tag complaints and assign them to me',
        trigger: 'inbox.item_created',
        cron: '',
        conditions: [{ field: 'intent', operator: 'equals', value: 'complaint' }],
        actions: [
          { type: 'tag', tag: 'complaint' },
          { type: 'assign', userId: me },
        ],
      },
    },
    {
      title: 'Tell admins when a post fails',
      draft: {
        name: 'Tell admins when a post fails',
        trigger: 'post.failed',
        cron: '',
        conditions: [],
        actions: [{ type: 'notify', audience: 'managers', title: 'A post failed on {{handle}}', body: '{{reason}}' }],
      },
    },
    {
      title: 'Pause the autopilot when the AI budget is almost gone',
      draft: {
        name: 'Pause the autopilot at 90 % of the budget',
        trigger: 'llm.budget_threshold',
        cron: '',
        conditions: [{ field: 'threshold', operator: 'greater_than', value: '85' }],
        actions: [{ type: 'pause_autopilot', reason: 'The AI budget reached {{threshold}} %.' }],
      },
    },
  ];
}
