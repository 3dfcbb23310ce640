import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { BriefCard } from './brief-card.tsx';
import type { AbRole } from './ab-test-queries.ts';
import { dayLabel, daysOfWeek } from './plan-days.ts';

type Props = {
  workspaceId: string;
  planId: string;
  week: string;
  briefs: readonly PlanBrief[];
  editable: boolean;
  zoneLabel: string;
  /** By brief id: the A/B test each brief is variant A or B of. */
  abRoles?: ReadonlyMap<string, AbRole>;
};

/** The week board: a column per day (the workspace's calendar), a row per network; replaced briefs are left out. */
export function WeekBoard({ workspaceId, planId, week, briefs, editable, zoneLabel, abRoles }: Props) {
  const days = daysOfWeek(week);
  const live = briefs.filter((brief) => days.includes(brief.day) && brief.state !== 'replaced');
  const networks = [...new Set(live.map((brief) => brief.network))].sort();
  if (live.length === 0)
    return (
      <p className="rounded border border-dashed border-line p-4 text-sm text-muted">
        No briefs this week yet: add one below.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table
        className="w-full min-w-[56rem] table-fixed border-collapse text-left"
        aria-label={`Week of ${dayLabel(week)}`}
      >
        <thead>
          <tr>
            <th scope="col" className="w-24 p-1 text-xs text-muted">
              Network
            </th>
            {days.map((day) => (
              <th key={day} scope="col" className="p-1 text-xs font-medium">
                {dayLabel(day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {networks.map((network) => (
            <tr key={network} className="border-t border-line align-top">
              <th scope="row" className="p-1 text-xs font-medium">
                {network}
              </th>
              {days.map((day) => (
                <td key={day} className="space-y-1 p-1">
                  {live
                    .filter((brief) => brief.network === network && brief.day === day)
                    .map((brief) => (
                      <BriefCard
                        key={brief.id}
                        workspaceId={workspaceId}
                        planId={planId}
                        brief={brief}
                        editable={editable}
                        zoneLabel={zoneLabel}
                        ab={abRoles?.get(brief.id)}
                      />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
