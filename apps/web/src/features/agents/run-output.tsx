import type { WireAgentRun } from '@plume/contract/agents/agent-run-schemas';
import { Card } from '../../components/card.tsx';
import { monthLabel } from './agent-labels.ts';
import { ContentRunOutput } from './content-run-output.tsx';
import { ExecutionResult } from './execution-result.tsx';

type Output = NonNullable<WireAgentRun['output']>;
type Strategy = NonNullable<Output['strategy']>;

const BAR_COLORS = ['bg-accent', 'bg-success', 'bg-warning', 'bg-danger', 'bg-ink', 'bg-muted'];

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

/** A month's pillar mix as one stacked bar with a legend (the shares are also written out). */
function PillarMix({ mix, names }: { mix: Strategy['months'][number]['pillarMix']; names: Map<string, string> }) {
  return (
    <figure>
      <div className="flex h-4 w-full overflow-hidden rounded" aria-hidden="true">
        {mix.map((item, index) => (
          <div
            key={item.pillar}
            className={BAR_COLORS[index % BAR_COLORS.length]}
            style={{ width: `${item.share}%` }}
          />
        ))}
      </div>
      <figcaption>
        <ul aria-label="Pillar mix" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {mix.map((item, index) => (
            <li key={item.pillar} className="flex items-center gap-1.5">
              <span
                className={`inline-block size-2.5 rounded-sm ${BAR_COLORS[index % BAR_COLORS.length]}`}
                aria-hidden="true"
              />
              {names.get(item.pillar) ?? item.pillar}: {item.share} %
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function StrategyProposal({ strategy, names }: { strategy: Strategy; names: Map<string, string> }) {
  return (
    <Card title="Strategy proposal" description="Not applied to your plans: review it first.">
      <div className="space-y-6">
        {strategy.months.map((month) => (
          <section key={month.month} aria-label={monthLabel(month.month)} className="space-y-3">
            <h3 className="font-semibold text-ink">{monthLabel(month.month)}</h3>
            <List title="Themes" items={month.themes} />
            <PillarMix mix={month.pillarMix} names={names} />
            <List title="Why" items={month.reasons} />
          </section>
        ))}
        <section aria-label="KPI targets">
          <h3 className="font-semibold text-ink">KPI targets</h3>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  KPI
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Target
                </th>
                <th scope="col" className="py-1 font-medium">
                  Why
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {strategy.kpiTargets.map((target) => (
                <tr key={target.kpi}>
                  <td className="py-1.5 pr-3">{target.kpi}</td>
                  <td className="py-1.5 pr-3 tabular-nums whitespace-nowrap">
                    {target.target} {target.unit}
                  </td>
                  <td className="py-1.5">{target.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </Card>
  );
}

/** What the run produced: the Intelligence agent's reading and facts, and the Strategy agent's proposal. */
export function RunOutput({ output, input }: { output: Output; input: WireAgentRun['input'] }) {
  if (output.content) return <ContentRunOutput content={output.content} />;
  if (output.execution) return <ExecutionResult execution={output.execution} />;
  if (!output.intelligence) return null;
  const { facts, reading } = output.intelligence;
  const pillars = Array.isArray(input['pillars']) ? (input['pillars'] as Array<{ key?: unknown; name?: unknown }>) : [];
  const names = new Map(pillars.map((pillar) => [String(pillar.key), String(pillar.name)]));
  return (
    <div className="space-y-6">
      <Card
        title="What the workspace knows"
        description={
          facts.postsAnalysed === 0
            ? 'No measured posts yet: best times come from public-data priors until your accounts have history.'
            : `From ${facts.postsAnalysed} measured posts on ${facts.accounts.length} account(s).`
        }
      >
        <div className="space-y-4">
          <List title="Highlights" items={reading.highlights} />
          <List title="Opportunities" items={reading.opportunities} />
          <List title="Risks" items={reading.risks} />
          <List
            title="Best hours"
            items={facts.accounts.map(
              (account) =>
                `${account.network} @${account.handle}: ${account.bestHours.map((hour) => `${hour}:00`).join(', ') || 'not known yet'} (${account.confidence} confidence${account.priorSource ? `, mostly from ${account.priorSource}` : ''})`,
            )}
          />
          <List title="Hashtags used most" items={facts.hashtags.map((tag) => `#${tag.tag} (${tag.posts} posts)`)} />
          {facts.competitors.length === 0 ? (
            <p className="text-sm text-muted">No competitor accounts are named yet, so none were read.</p>
          ) : (
            <List title="Competitors" items={facts.competitors.map((item) => `@${item.handle}: ${item.summary}`)} />
          )}
        </div>
      </Card>
      {output.strategy ? <StrategyProposal strategy={output.strategy} names={names} /> : null}
    </div>
  );
}
