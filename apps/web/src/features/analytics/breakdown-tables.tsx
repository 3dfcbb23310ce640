import type { BreakdownRow, Breakdowns } from '@plume/contract/analytics/analytics-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { formatCount, formatMean, formatRate } from './analytics-format.ts';
import { ExportButton } from './export-button.tsx';

const CONTENT_LABELS: Record<string, string> = {
  text: 'Text only',
  media: 'With image or video',
  link: 'With a link',
  thread: 'Threads',
};

function BreakdownTable({
  title,
  column,
  rows,
  label,
  fileName,
}: {
  title: string;
  column: string;
  rows: readonly BreakdownRow[];
  label: (key: string) => string;
  fileName: string;
}) {
  const header = [column, 'Posts', 'Engagements', 'Mean engagements per post', 'Mean engagement rate'];
  const csvRows = rows.map((row) => [
    label(row.key),
    row.posts,
    row.engagements,
    row.meanEngagements,
    row.engagementRate,
  ]);
  return (
    <Card
      title={title}
      action={
        <ExportButton what={`${title.toLowerCase()} breakdown`} fileName={fileName} header={header} rows={csvRows} />
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No posts in this range." />
      ) : (
        <TableScroller>
          <table className="w-full min-w-[28rem] text-left text-sm text-muted">
            <caption className="sr-only">{title}</caption>
            <TableHead columns={[column, 'Posts', 'Engagements', 'Per post', 'Rate']} />
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="py-2 pr-4 font-normal text-ink">
                    {label(row.key)}
                  </th>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(row.posts)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(row.engagements)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatMean(row.meanEngagements)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatRate(row.engagementRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      )}
    </Card>
  );
}

/** How the range's posts did by content type, hashtag and length. A dash: no post of the group reported it. */
export function BreakdownTables({ breakdowns }: { breakdowns: Breakdowns }) {
  const { from, to } = breakdowns.range;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <BreakdownTable
        title="Content type"
        column="Type"
        rows={breakdowns.contentType}
        label={(key) => CONTENT_LABELS[key] ?? key}
        fileName={`plume-content-type-${from}-${to}.csv`}
      />
      <BreakdownTable
        title="Hashtags"
        column="Hashtag"
        rows={breakdowns.hashtags}
        label={(key) => `#${key}`}
        fileName={`plume-hashtags-${from}-${to}.csv`}
      />
      <BreakdownTable
        title="Length"
        column="Characters"
        rows={breakdowns.length}
        label={(key) => key.replace('-', '–')}
        fileName={`plume-length-${from}-${to}.csv`}
      />
    </div>
  );
}
