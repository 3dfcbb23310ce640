import type { AbTest } from '@plume/contract/planning/ab-test-schemas';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useCancelAbTest } from './ab-test-queries.ts';

type Props = {
  workspaceId: string;
  planId: string;
  tests: readonly AbTest[];
  briefs: readonly PlanBrief[];
  editable: boolean;
  zoneLabel: string;
};

const stateWords: Record<AbTest['state'], string> = {
  running: 'Running',
  decided: 'Winner found',
  no_winner: 'No clear winner',
  cancelled: 'Cancelled',
};

type Reading = AbTest['readingA'];

function figures(reading: Reading): string {
  if (reading === null) return 'no reading';
  const impressions = reading.impressions === null ? '' : ` of ${reading.impressions} impressions`;
  return `${reading.engagements} engagements${impressions}`;
}

function TestRow({
  test,
  topic,
  editable,
  zoneLabel,
  onCancel,
  cancelling,
}: {
  test: AbTest;
  topic: string;
  editable: boolean;
  zoneLabel: string;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const measured = test.readingA !== null || test.readingB !== null;
  return (
    <li className="rounded border border-line p-3 text-sm" aria-label={`A/B test: ${topic}`}>
      <p className="font-medium">
        {topic} · {test.kind === 'text' ? 'text test' : 'time test'} · {stateWords[test.state]}
      </p>
      <p className="mt-1 text-muted">
        A: {test.a.slotLocal ?? 'no time'} · B: {test.b.slotLocal ?? 'no time'} ({zoneLabel})
      </p>
      {measured ? (
        <p className="mt-1">
          At 24 h: A {figures(test.readingA)}, B {figures(test.readingB)}.
        </p>
      ) : null}
      <p className="mt-1" role={test.state === 'running' ? undefined : 'status'}>
        {test.verdict}
      </p>
      {editable && test.state === 'running' ? (
        <Button className="mt-2" variant="ghost" isPending={cancelling} onClick={onCancel}>
          Cancel the test
        </Button>
      ) : null}
    </li>
  );
}

/** The plan's A/B tests: state, times, the figures at 24 h and the verdict in plain words. */
export function AbTestsList({ workspaceId, planId, tests, briefs, editable, zoneLabel }: Props) {
  const cancel = useCancelAbTest(workspaceId, planId);
  const topicOf = (briefId: string) => briefs.find((brief) => brief.id === briefId)?.topic ?? 'A brief';
  return (
    <Card
      title="A/B tests"
      description="Two variants on comparable slots; the winner is named at 24 hours, only beyond noise."
    >
      {tests.length === 0 ? (
        <p className="text-sm text-muted">
          No A/B tests yet: on the week board, choose “A/B test” on a brief with a written draft.
        </p>
      ) : (
        <ul className="space-y-2">
          {tests.map((test) => (
            <TestRow
              key={test.id}
              test={test}
              topic={topicOf(test.a.briefId)}
              editable={editable}
              zoneLabel={zoneLabel}
              cancelling={cancel.isPending && cancel.variables === test.id}
              onCancel={() => cancel.mutate(test.id)}
            />
          ))}
        </ul>
      )}
      {cancel.isError ? <FormAlert error={cancel.error} /> : null}
    </Card>
  );
}
