import type { Heatmap } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { zoneLabel } from '../../lib/format-time.ts';
import { formatMean } from './analytics-format.ts';
import { ExportButton } from './export-button.tsx';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_unused, hour) => hour);

/**
 * Posts by weekday and hour of the workspace's clock, shaded by mean engagements. It is a real table
 * (weekday row headers, hour column headers, each cell's numbers in words), so it reads without colour.
 */
export function PostingHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const cells = new Map(heatmap.cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  const highest = Math.max(0, ...heatmap.cells.map((cell) => cell.meanEngagements ?? 0));
  const zone = zoneLabel(heatmap.range.timezone);
  const header = ['Weekday', 'Hour', 'Posts', 'Mean engagements'];
  const rows = heatmap.cells.map((cell) => [
    WEEKDAYS[cell.weekday - 1] ?? '',
    cell.hour,
    cell.posts,
    cell.meanEngagements,
  ]);
  return (
    <Card
      title="When posts did best"
      description={`Weekday and hour in ${zone}; darker is more engagements per post.`}
      action={
        <ExportButton
          what="weekday and hour heatmap"
          fileName={`plume-heatmap-${heatmap.range.from}-${heatmap.range.to}.csv`}
          header={header}
          rows={rows}
        />
      }
    >
      <TableScroller>
        <table className="w-full min-w-[44rem] table-fixed border-separate border-spacing-0.5 text-center text-[0.65rem] text-muted">
          <caption className="caption-top pb-2 text-left text-xs">Posting heatmap, hours in {zone}.</caption>
          <thead>
            <tr>
              <th scope="col" className="w-24">
                <span className="sr-only">Weekday</span>
              </th>
              {HOURS.map((hour) => (
                <th key={hour} scope="col" className="font-normal">
                  {String(hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((weekday, index) => (
              <tr key={weekday}>
                <th scope="row" className="pr-2 text-left font-normal text-ink">
                  {weekday}
                </th>
                {HOURS.map((hour) => {
                  const cell = cells.get(`${index + 1}:${hour}`);
                  const strength = cell?.meanEngagements && highest > 0 ? cell.meanEngagements / highest : 0;
                  const words = cell
                    ? `${cell.posts} ${cell.posts === 1 ? 'post' : 'posts'}, ${cell.meanEngagements === null ? 'engagements unknown' : `${formatMean(cell.meanEngagements)} engagements each`}`
                    : 'no posts';
                  return (
                    <td
                      key={hour}
                      className={`h-7 rounded-sm bg-subtle ${strength > 0.55 ? 'text-on-accent' : 'text-ink'}`}
                      style={
                        cell
                          ? {
                              backgroundColor: `color-mix(in oklch, var(--color-accent) ${Math.round(15 + strength * 85)}%, transparent)`,
                            }
                          : undefined
                      }
                      title={`${weekday} ${String(hour).padStart(2, '0')}:00 – ${words}`}
                    >
                      {cell ? <span aria-hidden="true">{cell.posts}</span> : null}
                      <span className="sr-only">{words}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </Card>
  );
}
