import { useState } from 'react';
import type { AbTestKind } from '@plume/contract/planning/ab-test-enums';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { RadioCard } from '../../components/radio-card.tsx';
import { useStartAbTest } from './ab-test-queries.ts';

type Props = { workspaceId: string; planId: string; brief: PlanBrief; onClose: () => void };

const kinds: { kind: AbTestKind; label: string; description: string }[] = [
  {
    kind: 'text',
    label: 'Another text',
    description:
      'A second version is written for the same topic and placed on a comparable slot: another day, about the same hour, the same expected reach.',
  },
  {
    kind: 'time',
    label: 'Another time',
    description: 'The same text goes out again on another day of the same kind, at least 3 hours from this time.',
  },
];

/** "A/B test": pick what differs; Plume writes variant B and finds its slot. Both posts go through approval. */
export function AbTestDialog({ workspaceId, planId, brief, onClose }: Props) {
  const start = useStartAbTest(workspaceId, planId);
  const [kind, setKind] = useState<AbTestKind>('text');
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="ab-test-title"
      className="fixed inset-0 z-20 flex items-center justify-center bg-ink/30 p-4"
    >
      <div className="max-h-[90vh] w-full max-w-lg overflow-y-auto rounded-lg bg-surface p-4 shadow-lg">
        <h2 id="ab-test-title" className="text-lg font-semibold">
          A/B test “{brief.topic}”
        </h2>
        <p className="mt-1 text-sm text-muted">
          This draft is variant A. Variant B is added to the plan for the same account. A winner is named 24 hours after
          the later post goes out, and only when the difference is beyond noise.
        </p>
        <fieldset className="mt-3 space-y-2">
          <legend className="text-sm font-medium">What should differ?</legend>
          {kinds.map((item) => (
            <RadioCard
              key={item.kind}
              name="ab-kind"
              label={item.label}
              description={item.description}
              checked={kind === item.kind}
              onChange={() => setKind(item.kind)}
            />
          ))}
        </fieldset>
        {start.isError ? <FormAlert error={start.error} /> : null}
        <div className="mt-4 flex gap-2">
          <Button
            isPending={start.isPending}
            pendingLabel={kind === 'text' ? 'Writing variant B…' : 'Adding variant B…'}
            onClick={() => start.mutate({ briefId: brief.id, kind }, { onSuccess: onClose })}
          >
            Start the test
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}
