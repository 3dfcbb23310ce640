import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { weekLabel } from './learning-labels.ts';

type Learning = NonNullable<NonNullable<WireAgentRun['output']>['learning']>;
type Results = Learning['results'];

function List({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Bar({ value, max, tone, label }: { value: number; max: number; tone: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <div className="h-2.5 w-40 overflow-hidden rounded bg-subtle" aria-hidden="true">
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, (value / max) * 100)}%` }} />
      </div>
      <span className="text-xs tabular-nums text-muted">{label}</span>
    </div>
  );
}

/** Per pillar: planned against published share, and its engagement index (100 = the account's usual). */
export function PillarResultsChart({ pillars }: { pillars: Results['pillars'] }) {
  const maxIndex = Math.max(200, ...pillars.map((pillar) => pillar.index ?? 0));
  return (
    <figure aria-label="Planned and published share, engagement index per pillar">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Pillar
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Planned → published share
            </th>
            <th scope="col" className="py-1 font-medium">
              Engagement index
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {pillars.map((pillar) => (
            <tr key={pillar.key}>
              <td className="py-2 pr-3 align-top">
                {pillar.name}
                {pillar.strategyShare === null ? null : (
                  <span className="block text-xs text-muted">strategy {pillar.strategyShare} %</span>
                )}
              </td>
              <td className="space-y-1 py-2 pr-3">
                <Bar value={pillar.plannedShare} max={100} tone="bg-muted" label={`planned ${pillar.plannedShare} %`} />
                <Bar
                  value={pillar.actualShare}
                  max={100}
                  tone="bg-accent"
                  label={`published ${pillar.actualShare} % (${pillar.published})`}
                />
              </td>
              <td className="py-2">
                {pillar.index === null ? (
                  <span className="text-xs text-muted">not measured</span>
                ) : (
                  <Bar
                    value={pillar.index}
                    max={maxIndex}
                    tone={pillar.index >= 100 ? 'bg-success' : 'bg-warning'}
                    label={String(pillar.index)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="mt-1 text-xs text-muted">
        Engagement index: 100 is the account’s median post over the last 90 days.
      </figcaption>
    </figure>
  );
}

function ResultsCard({ results }: { results: Results }) {
  const missedWords = results.missed.map((item) => `${item.network} · ${item.topic}: ${item.reason}`);
  return (
    <Card
      title={`Week of ${weekLabel(results.week)}`}
      description={`Planned ${results.planned}, published ${results.published} (${results.unplanned} outside the plan), measured ${results.measured}. Times in ${results.timezone}.`}
    >
      <div className="space-y-5">
        {results.pillars.length > 0 ? <PillarResultsChart pillars={results.pillars} /> : null}
        <List
          title="Posts (best first)"
          items={results.posts.map(
            (post) =>
              `${post.slot} ${post.network} @${post.handle} · ${post.topic}: ${post.engagements ?? 'not measured'} engagements${post.index === null ? '' : `, index ${post.index}`}`,
          )}
        />
        <List
          title="Slots that beat the best-time expectation"
          items={results.goodSlots.map(
            (slot) => `${slot.slot} ${slot.network}: ${slot.index} (expected ${slot.expected})`,
          )}
        />
        <List
          title="Slots below it"
          items={results.badSlots.map(
            (slot) => `${slot.slot} ${slot.network}: ${slot.index} (expected ${slot.expected})`,
          )}
        />
        <List
          title={`Not published (${results.missedTotal})`}
          items={results.missedTotal > results.missed.length ? [...missedWords, '…'] : missedWords}
        />
        <List
          title="KPIs"
          items={results.kpis.map(
            (kpi) =>
              `${kpi.name}: ${kpi.week === null ? 'not measured by Plume' : `${kpi.week} this week, ${kpi.monthPace} a month at this pace`}${kpi.target === null ? '' : ` (target ${kpi.target})`}`,
          )}
        />
      </div>
    </Card>
  );
}

/** A learning run's output: the week against its plan, then the retrospective and its adjustments. */
export function LearningOutput({ learning }: { learning: Learning }) {
  const { results, retrospective } = learning;
  if (results.published === 0)
    return (
      <EmptyState title={`Nothing published in the week of ${weekLabel(results.week)} yet`}>
        The retrospective needs published posts; no model was asked.{' '}
        {results.missedTotal > 0 ? `${results.missedTotal} planned post(s) did not go out.` : ''}
      </EmptyState>
    );
  const adjustments = retrospective?.adjustments;
  return (
    <div className="space-y-6">
      <ResultsCard results={results} />
      {retrospective ? (
        <Card title="Retrospective" description={retrospective.summary}>
          <div className="space-y-4">
            <List title="What worked" items={retrospective.whatWorked} />
            <List title="What did not" items={retrospective.whatDidnt} />
            <List
              title="Adjustments for the next weeks"
              items={[
                ...(adjustments?.preferHours?.length
                  ? [`Prefer ${adjustments.preferHours.map((h) => `${h}:00`).join(', ')}`]
                  : []),
                ...(adjustments?.avoidHours?.length
                  ? [`Avoid ${adjustments.avoidHours.map((h) => `${h}:00`).join(', ')}`]
                  : []),
                ...(adjustments?.topicsToRepeat?.length ? [`Repeat: ${adjustments.topicsToRepeat.join('; ')}`] : []),
                ...(adjustments?.topicsToAvoid?.length
                  ? [`Avoid topics: ${adjustments.topicsToAvoid.join('; ')}`]
                  : []),
              ]}
            />
            <List title="Why" items={retrospective.reasons} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
