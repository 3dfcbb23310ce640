import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { Card } from '../../components/card.tsx';

type Execution = NonNullable<NonNullable<WireAgentRun['output']>['execution']>;
type Week = Execution['weeks'][number];

const LEVELS: Record<Week['level'], string> = {
  off: 'Autopilot off',
  draft: 'Plan and draft for approval',
  auto_schedule: 'Auto-schedule approved pillars',
};

function Lines({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-ink">
        {title} ({items.length})
      </h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {items.map((item, index) => (
          <li key={`${index}-${item}`}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

/** What the Execution agent did per week: placed, submitted, auto-scheduled, and what not and why. */
export function ExecutionResult({ execution }: { execution: Execution }) {
  return (
    <div className="space-y-6">
      {execution.weeks.map((week) => (
        <Card key={week.week} title={`Week of ${week.week}`} description={LEVELS[week.level]}>
          <div className="space-y-4">
            {week.stopped ? <p className="text-sm text-warning">{week.stopped}</p> : null}
            <Lines title="Placed" items={week.placed.map((item) => `${item.local} (workspace time): ${item.reason}`)} />
            <Lines title="Not placed" items={week.notPlaced.map((item) => item.message)} />
            <Lines title="Submitted for approval" items={week.submitted.map((item) => item.message)} />
            <Lines title="Not submitted" items={week.notSubmitted.map((item) => item.message)} />
            <Lines
              title="Scheduled by the autopilot"
              items={week.autoScheduled.map(
                (item) => `Post ${item.postId.slice(0, 8)} at ${item.local} (workspace time)`,
              )}
            />
            <Lines title="Left for a person" items={week.held.map((item) => item.message)} />
            {week.placed.length + week.notPlaced.length + week.submitted.length === 0 && !week.stopped ? (
              <p className="text-sm text-muted">
                Nothing to place or submit this week: add briefs or write drafts first.
              </p>
            ) : null}
          </div>
        </Card>
      ))}
    </div>
  );
}
