/** The inbox's words as a person reads them. */
import type {
  ConversationStatus,
  InboxIntent,
  InboxKind,
  InboxPriority,
  InboxSentiment,
  ReplyOrigin,
  ReplyState,
} from '@plume/contract/inbox/inbox-enums';

export const kindLabels: Record<InboxKind, string> = {
  comment: 'Comment',
  reply: 'Reply',
  mention: 'Mention',
  message: 'Message',
  review: 'Review',
};

export const statusLabels: Record<ConversationStatus, string> = { open: 'Open', done: 'Done', snoozed: 'Snoozed' };

export const sentimentLabels: Record<InboxSentiment, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
};

export const intentLabels: Record<InboxIntent, string> = {
  question: 'Question',
  complaint: 'Complaint',
  praise: 'Praise',
  lead: 'Lead',
  spam: 'Spam',
  other: 'Other',
};

export const priorityLabels: Record<InboxPriority, string> = {
  low: 'Low priority',
  normal: 'Normal priority',
  high: 'High priority',
  urgent: 'Urgent',
};

export const replyStateLabels: Record<ReplyState, string> = {
  draft: 'Draft',
  approved: 'Approved, waiting to send',
  sending: 'Sending…',
  sent: 'Sent',
  failed: 'Not sent',
  unconfirmed: 'Did it go out?',
  discarded: 'Discarded',
};

export const originLabels: Record<ReplyOrigin, string> = {
  person: 'Written by a person',
  ai: 'AI draft',
  rule: 'By a rule',
};

/** Select options for a record of labels, after an "any" choice. */
export function optionsOf<T extends string>(labels: Record<T, string>, anyLabel: string) {
  return [
    { value: '', label: anyLabel },
    ...(Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label })),
  ];
}
