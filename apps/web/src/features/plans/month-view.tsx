import { useState } from 'react';
import type { PlanChecks, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { dayLabel } from './plan-days.ts';
import { WeekThemesForm } from './week-themes-form.tsx';

/** The month at a glance: the theme of each week and the pillar mix against the strategy, as bars. */
type Props = { workspaceId: string; plan: PlanDetail; checks: PlanChecks | undefined; editable: boolean };

export function MonthView({ workspaceId, plan, checks, editable }: Props) {
  const [editing, setEditing] = useState(false);
  const themeOf = (week: string) => plan.themes.find((theme) => theme.week === week)?.theme;
  const hasStrategy = plan.pillarMix.some((mix) => mix.strategyShare !== null);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card
        title="Weekly themes"
        action={
          editable && !editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit themes
            </Button>
          ) : null
        }
      >
        {editing ? (
          <WeekThemesForm workspaceId={workspaceId} plan={plan} onDone={() => setEditing(false)} />
        ) : (
          <ul className="space-y-1 text-sm">
            {plan.weeks.map((week) => (
              <li key={week}>
                <span className="font-medium">Week of {dayLabel(week)}:</span>{' '}
                {themeOf(week) ?? <span className="text-muted">no theme</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title="Pillar mix"
        description={
          hasStrategy
            ? 'Share of the briefs per pillar (bar) against the strategy (mark).'
            : 'Share of the briefs per pillar. No strategy sets the shares yet.'
        }
      >
        {plan.pillarMix.length === 0 ? (
          <p className="text-sm text-muted">No briefs yet: the mix shows once briefs are added.</p>
        ) : (
          <ul aria-label="Pillar mix" className="space-y-2 text-sm">
            {plan.pillarMix.map((mix) => (
              <li key={mix.pillar}>
                <div className="flex justify-between">
                  <span>{mix.name}</span>
                  <span className="text-muted">
                    {mix.plannedShare} % planned
                    {mix.strategyShare === null ? '' : ` · ${mix.strategyShare} % in the strategy`}
                  </span>
                </div>
                <div className="relative mt-1 h-2 rounded bg-subtle" aria-hidden="true">
                  <div className="h-2 rounded bg-accent" style={{ width: `${mix.plannedShare}%` }} />
                  {mix.strategyShare === null ? null : (
                    <div className="absolute top-[-2px] h-3 w-0.5 bg-ink" style={{ left: `${mix.strategyShare}%` }} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {checks && checks.violations.length > 0 ? (
        <Card title="Plan checks" tone="danger">
          <ul aria-label="Plan checks" className="list-disc space-y-1 pl-5 text-sm">
            {checks.violations.map((violation, index) => (
              <li key={index}>{violation.message}</li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
