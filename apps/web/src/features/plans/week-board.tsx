import { useState, type DragEvent } from 'react';
import type { PlanBrief } from '@plume/contract/planning/plan-schemas';
import { Button } from '../../components/button.tsx';
import { BriefCard, type CardMoves } from './brief-card.tsx';
import { dropRefusal, type MoveInput } from './move-brief.ts';
import type { AbRole } from './ab-test-queries.ts';
import { dayLabel, daysOfWeek } from './plan-days.ts';
import { useMoveBrief } from './plan-queries.ts';

type Props = {
  workspaceId: string;
  planId: string;
  month: string;
  week: string;
  briefs: readonly PlanBrief[];
  editable: boolean;
  timezone: string;
  zoneLabel: string;
  /** By brief id: the A/B test each brief is variant A or B of. */
  abRoles?: ReadonlyMap<string, AbRole>;
  /** "Add a brief" on a day: the form below opens on that day. */
  onAddOnDay: (day: string) => void;
};

type Cell = { day: string; network: string };

/**
 * The week board: a column per day (the workspace's calendar), a row per network; replaced briefs are left
 * out. A card dragged onto another day of its row opens the move form there (day and time); the move shows
 * at once and goes back, with the server's words at the card, when a rule refuses it.
 */
export function WeekBoard(props: Props) {
  const { workspaceId, planId, month, week, briefs, editable, zoneLabel, abRoles } = props;
  const move = useMoveBrief(workspaceId, planId, props.timezone);
  const [dropped, setDropped] = useState<{ briefId: string; day: string } | null>(null);
  const [refused, setRefused] = useState<{ briefId: string; message: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const days = daysOfWeek(week);
  const inMonth = days.filter((day) => day.startsWith(month));
  const live = briefs.filter((brief) => days.includes(brief.day) && brief.state !== 'replaced');
  const networks = [...new Set(live.map((brief) => brief.network))].sort();

  const startMove = (input: MoveInput) => {
    setDropped(null);
    setRefused(null);
    move.mutate(input);
  };
  const onDrop = (event: DragEvent, cell: Cell) => {
    event.preventDefault();
    setOver(null);
    const brief = live.find((item) => item.id === event.dataTransfer.getData('text/plain'));
    if (!brief || !editable) return;
    move.reset();
    const refusal = dropRefusal(brief, cell, month);
    setRefused(refusal === null ? null : { briefId: brief.id, message: refusal });
    setDropped(refusal === null && cell.day !== brief.day ? { briefId: brief.id, day: cell.day } : null);
  };
  const movesOf = (brief: PlanBrief): CardMoves => ({
    days: inMonth,
    dropDay: dropped?.briefId === brief.id ? dropped.day : null,
    refusal:
      refused?.briefId === brief.id
        ? refused.message
        : move.isError && move.variables.briefId === brief.id
          ? move.error
          : null,
    onMove: startMove,
    onClose: () => setDropped(null),
  });

  if (live.length === 0)
    return (
      <p className="rounded border border-dashed border-line p-4 text-sm text-muted">
        No briefs this week yet: add one below.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      {editable ? (
        <p className="mb-2 text-xs text-muted">
          Drag a brief to another day of its row, or use its Move… button; a time is checked against quiet hours, caps
          and the gap between posts.
        </p>
      ) : null}
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
                {editable && inMonth.includes(day) ? (
                  <Button
                    variant="ghost"
                    className="ml-1 px-1 py-0"
                    aria-label={`Add a brief on ${dayLabel(day)}`}
                    onClick={() => props.onAddOnDay(day)}
                  >
                    +
                  </Button>
                ) : null}
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
                <td
                  key={day}
                  className={`space-y-1 p-1 ${over === `${network}:${day}` ? 'bg-accent-soft' : ''}`}
                  data-day={day}
                  data-network={network}
                  onDragOver={(event) => {
                    event.preventDefault();
                    setOver(`${network}:${day}`);
                  }}
                  onDragLeave={(event) => {
                    // Passing over a card inside the cell is not leaving it.
                    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)))
                      setOver(null);
                  }}
                  onDrop={(event) => onDrop(event, { day, network })}
                >
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
                        moves={movesOf(brief)}
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
