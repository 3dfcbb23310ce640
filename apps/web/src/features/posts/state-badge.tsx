import { stateLabel } from './post-types.ts';

const tones: Record<string, string> = {
  draft: 'bg-subtle text-muted',
  in_review: 'bg-warning-soft text-warning',
  approved: 'bg-accent-soft text-accent',
  scheduled: 'bg-accent-soft text-accent',
  publishing: 'bg-accent-soft text-accent',
  published: 'bg-success-soft text-success',
  failed: 'bg-danger-soft text-danger',
  unconfirmed: 'bg-warning-soft text-warning',
  rejected: 'bg-danger-soft text-danger',
  cancelled: 'bg-subtle text-muted',
};

/** A post or target state as a small coloured label. */
export function StateBadge({ state }: { state: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[state] ?? 'bg-subtle text-muted'}`}>
      {stateLabel(state)}
    </span>
  );
}
