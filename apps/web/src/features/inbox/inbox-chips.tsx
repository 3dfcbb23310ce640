import type { InboxIntent, InboxPriority, InboxSentiment } from '@plume/contract/inbox/inbox-enums';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { intentLabels, priorityLabels, sentimentLabels } from './inbox-labels.ts';

type Tone = 'plain' | 'good' | 'bad' | 'warn' | 'accent';

const tones: Record<Tone, string> = {
  plain: 'border-line-strong text-muted',
  good: 'border-success/40 bg-success-soft text-success',
  bad: 'border-danger/40 bg-danger-soft text-danger',
  warn: 'border-warning/40 bg-warning-soft text-warning',
  accent: 'border-accent/40 bg-accent-soft text-accent',
};

/** A small labelled pill. */
export function Chip({ tone = 'plain', children }: { tone?: Tone; children: string }) {
  return (
    <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}

const sentimentTone: Record<InboxSentiment, Tone> = { positive: 'good', neutral: 'plain', negative: 'bad' };
const priorityTone: Record<InboxPriority, Tone> = { low: 'plain', normal: 'plain', high: 'warn', urgent: 'bad' };

interface ClassificationProps {
  sentiment: InboxSentiment | null;
  intent: InboxIntent | null;
  priority: InboxPriority | null;
}

/** What the AI made of the latest item: sentiment, intent and (when not normal) priority. */
export function ClassificationChips({ sentiment, intent, priority }: ClassificationProps) {
  if (!sentiment && !intent && !priority) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {priority && priority !== 'normal' ? <Chip tone={priorityTone[priority]}>{priorityLabels[priority]}</Chip> : null}
      {intent ? <Chip tone={intent === 'spam' ? 'warn' : 'accent'}>{intentLabels[intent]}</Chip> : null}
      {sentiment ? <Chip tone={sentimentTone[sentiment]}>{sentimentLabels[sentiment]}</Chip> : null}
    </span>
  );
}

const monograms: Partial<Record<NetworkId, string>> = {
  linkedin: 'in',
  facebook: 'f',
  instagram: 'IG',
  threads: '@',
  youtube: 'YT',
  tiktok: 'TT',
  google_business: 'G',
};

/** The network as a small mark; its name is said to screen readers and shown on hover. */
export function NetworkMark({ network, name }: { network: NetworkId; name: string }) {
  const mark = monograms[network] ?? network.charAt(0).toUpperCase();
  return (
    <span
      title={name}
      className="inline-flex size-6 shrink-0 items-center justify-center rounded-md border border-line-strong bg-subtle text-[0.65rem] font-semibold text-ink"
    >
      <span aria-hidden="true">{mark}</span>
      <span className="sr-only">{name}</span>
    </span>
  );
}
