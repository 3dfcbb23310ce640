import { TableHead } from '../../../components/table-head.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import type { ImportReport } from '@plume/contract/posts/import-schemas';
import { describeColumn, summarizeReport } from './import-report.ts';

/** Every row of a check or import: its place in the file and what is wrong with it, column by column. */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const { good, bad } = summarizeReport(report);
  return (
    <div className="space-y-3">
      <p role="status" className={`text-sm font-medium ${bad > 0 ? 'text-danger' : 'text-success'}`}>
        {bad > 0
          ? `${bad} of ${report.rows.length} rows have errors. Fix them and check again; nothing was imported.`
          : `All ${good} rows are good.`}
      </p>
      <TableScroller>
        <table className="w-full min-w-[36rem] text-left text-sm text-muted">
          <caption className="sr-only">Import report</caption>
          <TableHead columns={['Row', 'Line', 'Result', 'Problems']} />
          <tbody className="divide-y divide-line">
            {report.rows.map((row) => (
              <tr key={row.row} className="align-top">
                <td className="py-2 pr-4 text-ink">{row.row}</td>
                <td className="py-2 pr-4">{row.line}</td>
                <td className={`py-2 pr-4 font-medium ${row.ok ? 'text-success' : 'text-danger'}`}>
                  {row.ok ? 'OK' : 'Error'}
                </td>
                <td className="py-2 pr-4 [overflow-wrap:anywhere]">
                  {row.errors.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="space-y-1">
                      {row.errors.map((error) => (
                        <li key={`${error.path}:${error.message}`}>
                          <span className="font-medium text-ink">{describeColumn(error.path)}</span>: {error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
    </div>
  );
}
