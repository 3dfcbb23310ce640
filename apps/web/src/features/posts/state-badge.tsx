import { stateLabel, type PostState, type TargetState } from '@plume/contract/posts/post-states';

const tones: Record<PostState | TargetState, string> = {
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
  pending: 'bg-subtle text-muted',
  deleted: 'bg-subtle text-muted',
};

/** A post or target state as a small coloured label. */
export function StateBadge({ state }: { state: PostState | TargetState }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tones[state]}`}>
      {stateLabel(state)}
    </span>
  );
}
