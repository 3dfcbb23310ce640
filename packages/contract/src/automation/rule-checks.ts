/**
 * The checks a rule passes besides its shape, and how conditions match: shared by the server (which
 * answers 400 with these problems) and the web app (which shows them at their fields while typing).
 */
import type { FieldProblem } from '../wire.ts';
import type { AutomationCondition } from './automation-schemas.ts';
import {
  INBOX_ACTIONS,
  OPERATOR_LABELS,
  TRIGGER_FIELDS,
  TRIGGER_LABELS,
  operatorsFor,
  type AutomationActionType,
  type AutomationTrigger,
  type TriggerField,
} from './automation-triggers.ts';

type ActionLike = { type: AutomationActionType };
type RuleParts<Action extends ActionLike> = {
  trigger: { type: AutomationTrigger; cron?: string | undefined };
  conditions: readonly AutomationCondition[];
  actions: readonly Action[];
};

/** Every problem of a rule, each at its path under `prefix` (`body` for a request). */
export function ruleProblems<Action extends ActionLike>(rule: RuleParts<Action>, prefix = 'body'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (rule.trigger.type === 'schedule' && (rule.trigger.cron ?? '') === '')
    problems.push({ path: `${prefix}/trigger/cron`, message: 'Enter when it runs, like "0 9 * * 1" (Mondays 9:00).' });
  if (rule.trigger.type !== 'schedule' && rule.trigger.cron !== undefined && rule.trigger.cron !== '')
    problems.push({ path: `${prefix}/trigger/cron`, message: 'Only a schedule has a cron expression.' });
  rule.conditions.forEach((condition, index) => {
    problems.push(...conditionProblems(rule.trigger.type, condition, `${prefix}/conditions/${index}`));
  });
  rule.actions.forEach((action, index) => {
    const message = actionProblem(rule.trigger.type, rule.actions, index);
    if (message !== null) problems.push({ path: `${prefix}/actions/${index}/type`, message });
  });
  return problems;
}

function conditionProblems(trigger: AutomationTrigger, condition: AutomationCondition, path: string): FieldProblem[] {
  const field = TRIGGER_FIELDS[trigger].find((item) => item.name === condition.field);
  if (field === undefined) {
    const names = TRIGGER_FIELDS[trigger].map((item) => item.name).join(', ');
    return [
      { path: `${path}/field`, message: `"${TRIGGER_LABELS[trigger]}" has no field ${condition.field}; use ${names}.` },
    ];
  }
  if (!operatorsFor(field.type).includes(condition.operator)) {
    const allowed = operatorsFor(field.type).map((operator) => `"${OPERATOR_LABELS[operator]}"`);
    return [{ path: `${path}/operator`, message: `${field.label} can only be compared with ${allowed.join(', ')}.` }];
  }
  const message = valueProblem(field, condition);
  return message === null ? [] : [{ path: `${path}/value`, message }];
}

function valueProblem(field: TriggerField, condition: AutomationCondition): string | null {
  const { value, operator } = condition;
  if (operator === 'in') {
    if (!Array.isArray(value) || value.length === 0) return 'Choose at least one value.';
    return value.map((item) => choiceProblem(field, item)).find((problem) => problem !== null) ?? null;
  }
  if (Array.isArray(value)) return 'Enter one value (a list is only for "is one of").';
  if (field.type.kind === 'number')
    return typeof value === 'number' && Number.isFinite(value) ? null : `${field.label} is a number; enter one.`;
  if (typeof value !== 'string') return `${field.label} is text; enter words, not a number.`;
  if (field.type.kind === 'choice') return choiceProblem(field, value);
  return value.trim() === '' ? 'Enter the text to compare with.' : null;
}

function choiceProblem(field: TriggerField, value: string): string | null {
  if (field.type.kind !== 'choice' || field.type.values.includes(value)) return null;
  return `${field.label} is one of ${field.type.values.join(', ')}; "${value}" is not.`;
}

function actionProblem(trigger: AutomationTrigger, actions: readonly ActionLike[], index: number): string | null {
  const action = actions[index]!;
  if (INBOX_ACTIONS.includes(action.type) && trigger !== 'inbox.item_created')
    return 'This action works on a new inbox item: use it with the trigger "A new comment, mention, message or review".';
  if (action.type === 'schedule_next_slot' && !actions.slice(0, index).some((item) => item.type === 'generate_draft'))
    return 'Put "Write a draft post with AI" before this action: it schedules that draft.';
  return null;
}

/** Whether trigger data passes every condition (all must hold; none means always). */
export function matchesConditions(
  conditions: readonly AutomationCondition[],
  data: Readonly<Record<string, unknown>>,
): boolean {
  return conditions.every((condition) => matchesCondition(condition, data[condition.field]));
}

function matchesCondition(condition: AutomationCondition, actual: unknown): boolean {
  const { operator, value } = condition;
  if (actual === undefined || actual === null) return operator === 'not_equals';
  switch (operator) {
    case 'equals':
      return same(actual, value);
    case 'not_equals':
      return !same(actual, value);
    case 'contains':
      return typeof value === 'string' && textOf(actual).toLowerCase().includes(value.toLowerCase());
    case 'in':
      return Array.isArray(value) && value.some((item) => same(actual, item));
    case 'greater_than':
      return typeof actual === 'number' && typeof value === 'number' && actual > value;
    case 'less_than':
      return typeof actual === 'number' && typeof value === 'number' && actual < value;
  }
}

function same(actual: unknown, value: unknown): boolean {
  if (typeof actual === 'string' && typeof value === 'string') return actual.toLowerCase() === value.toLowerCase();
  return actual === value;
}

/** Fills `{{field}}` in a text with the trigger's data (unknown fields stay as written). */
export function fillTemplate(template: string, data: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined || value === null ? whole : textOf(value);
  });
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
