/**
 * The words of automation rules (docs/automation.md): what can start a rule, the fields of each
 * trigger's data that conditions may test, the operators and the actions. Pure: the server validates
 * rules with it and the web app builds its pickers from it.
 */
import { INBOX_INTENTS, INBOX_KINDS, INBOX_SENTIMENTS } from '../inbox/inbox-enums.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';

export const AUTOMATION_TRIGGERS = [
  'schedule',
  'post.published',
  'post.failed',
  'analytics.viral_alert',
  'inbox.item_created',
  'account.disconnected',
  'llm.budget_threshold',
  'plan.week_approved',
] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export const TRIGGER_LABELS: Record<AutomationTrigger, string> = {
  schedule: 'On a schedule',
  'post.published': 'A post was published',
  'post.failed': 'A post failed',
  'analytics.viral_alert': 'A post runs far above or below its usual reach',
  'inbox.item_created': 'A new comment, mention, message or review',
  'account.disconnected': 'An account was disconnected',
  'llm.budget_threshold': 'The AI budget reached an alert threshold',
  'plan.week_approved': "A plan's week was approved",
};

/** A field's type: free text, a number, or one of a list of words. */
export type FieldType = { kind: 'text' } | { kind: 'number' } | { kind: 'choice'; values: readonly string[] };
export type TriggerField = { name: string; label: string; type: FieldType };

const text = (name: string, label: string): TriggerField => ({ name, label, type: { kind: 'text' } });
const number = (name: string, label: string): TriggerField => ({ name, label, type: { kind: 'number' } });
const choice = (name: string, label: string, values: readonly string[]): TriggerField => ({
  name,
  label,
  type: { kind: 'choice', values },
});

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const network = choice('network', 'Network', NETWORK_IDS);

/** The data each trigger carries that conditions can test (and `{{name}}` can quote in texts). */
export const TRIGGER_FIELDS: Record<AutomationTrigger, readonly TriggerField[]> = {
  schedule: [choice('weekday', 'Weekday (workspace time)', WEEKDAYS), number('hour', 'Hour (workspace time)')],
  'post.published': [network, text('handle', 'Account'), text('text', 'Post text'), text('url', 'Link')],
  'post.failed': [network, text('handle', 'Account'), text('text', 'Post text'), text('reason', 'Why it failed')],
  'analytics.viral_alert': [
    choice('direction', 'Direction', ['viral', 'failure']),
    network,
    text('handle', 'Account'),
    text('text', 'Post text'),
    number('engagements', 'Engagements'),
    number('expected', 'Usual engagements at that age'),
    number('ageMinutes', 'Minutes since publishing'),
  ],
  'inbox.item_created': [
    network,
    choice('kind', 'Kind', INBOX_KINDS),
    choice('intent', 'Intent', INBOX_INTENTS),
    choice('sentiment', 'Sentiment', INBOX_SENTIMENTS),
    text('text', 'Text'),
    text('authorHandle', 'Author'),
  ],
  'account.disconnected': [network, text('handle', 'Account'), text('reason', 'Why')],
  'llm.budget_threshold': [
    choice('period', 'Budget', ['daily', 'monthly']),
    number('threshold', 'Threshold reached (%)'),
  ],
  'plan.week_approved': [
    text('week', 'Week (its Monday)'),
    number('approvedCount', 'Briefs approved'),
    number('pendingCount', 'Briefs still waiting'),
  ],
};

export const CONDITION_OPERATORS = ['equals', 'not_equals', 'contains', 'in', 'greater_than', 'less_than'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  in: 'is one of',
  greater_than: 'is more than',
  less_than: 'is less than',
};

/** Which operators a field's type takes. */
export function operatorsFor(type: FieldType): readonly ConditionOperator[] {
  if (type.kind === 'number') return ['equals', 'not_equals', 'greater_than', 'less_than'];
  if (type.kind === 'choice') return ['equals', 'not_equals', 'in'];
  return ['equals', 'not_equals', 'contains'];
}

export const AUTOMATION_ACTIONS = [
  'generate_draft',
  'schedule_next_slot',
  'draft_reply',
  'send_reply',
  'assign',
  'tag',
  'notify',
  'call_webhook',
  'pause_autopilot',
] as const;
export type AutomationActionType = (typeof AUTOMATION_ACTIONS)[number];

export const ACTION_LABELS: Record<AutomationActionType, string> = {
  generate_draft: 'Write a draft post with AI',
  schedule_next_slot: 'Schedule that draft in the next free slot',
  draft_reply: 'Draft a reply with AI (a person approves it)',
  send_reply: 'Send a reply (disclosed automation)',
  assign: 'Assign the conversation',
  tag: 'Tag the conversation',
  notify: 'Notify people',
  call_webhook: 'Call a webhook',
  pause_autopilot: 'Pause the autopilot',
};

/** Actions that act on the inbox item that started the rule: only with `inbox.item_created`. */
export const INBOX_ACTIONS: readonly AutomationActionType[] = ['draft_reply', 'send_reply', 'assign', 'tag'];
