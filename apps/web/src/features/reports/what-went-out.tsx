import { Link } from '@tanstack/react-router';
import type { WeeklyReport } from '@plume/contract/reports/weekly-report-schemas';
import { Card } from '../../components/card.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';

/** The week's published and failed targets per account, and the failures with their reasons. */
export function WhatWentOut({ workspaceId, body }: { workspaceId: string; body: WeeklyReport['body'] }) {
  return (
    <Card title="What went out">
      {body.published.byAccount.length === 0 ? (
        <p className="text-sm text-muted">Plume published nothing this week.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <TableHead columns={['Account', 'Network', 'Published', 'Failed']} />
          <tbody>
            {body.published.byAccount.map((row) => (
              <tr key={row.accountId} className="border-b border-line last:border-0">
                <td className="py-2 pr-4">{row.handle}</td>
                <td className="py-2 pr-4">{row.network}</td>
                <td className="py-2 pr-4">{row.published}</td>
                <td className="py-2 pr-4">{row.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {body.failures.length > 0 ? (
        <ul aria-label="Failures" className="mt-3 space-y-1 text-sm">
          {body.failures.map((failure) => (
            <li key={`${failure.postId}-${failure.at}`}>
              <Link
                to="/w/$workspaceId/posts/$postId"
                params={{ workspaceId, postId: failure.postId }}
                className={textLinkClasses}
              >
                Failed on {failure.handle} ({failure.network})
              </Link>{' '}
              {formatTime(failure.at, body.timezone)}: {failure.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
