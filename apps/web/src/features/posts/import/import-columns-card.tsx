import { useEffect, useMemo, useState } from 'react';
import { buttonClasses } from '../../../components/button-classes.ts';
import { Card } from '../../../components/card.tsx';
import { TableHead } from '../../../components/table-head.tsx';
import { TableScroller } from '../../../components/table-scroller.tsx';
import { exampleCsv, IMPORT_COLUMNS } from './import-columns.ts';

/** An object URL for a text file, revoked when the text changes or the page closes. */
function useTextFileUrl(text: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [text]);
  return url;
}

/** The columns the file may have, with the workspace's time zone and a ready-made example to download. */
export function ImportColumnsCard({ accountIds, timezone }: { accountIds: string[]; timezone: string }) {
  // The example's dates are a few days ahead of when the page opened, so it passes a check as it is.
  const example = useMemo(() => exampleCsv(accountIds, new Date()), [accountIds]);
  const url = useTextFileUrl(example);
  return (
    <Card
      title="Columns"
      description={`One post per row, header row first, UTF-8, comma-separated. Times without an offset are read on the workspace clock (${timezone}). At most 1,000 rows.`}
      action={
        url ? (
          <a href={url} download="plume-posts-example.csv" className={buttonClasses('secondary')}>
            Download example CSV
          </a>
        ) : null
      }
    >
      <TableScroller>
        <table className="w-full min-w-[32rem] text-left text-sm text-muted">
          <caption className="sr-only">CSV columns</caption>
          <TableHead columns={['Column', 'Required', 'Meaning']} />
          <tbody className="divide-y divide-line">
            {IMPORT_COLUMNS.map((column) => (
              <tr key={column.name} className="align-top">
                <td className="py-2 pr-4 font-mono text-ink">{column.name}</td>
                <td className="py-2 pr-4">{column.required ? 'Yes' : 'No'}</td>
                <td className="py-2 pr-4">{column.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      {accountIds.length === 0 ? (
        <p className="mt-3 text-sm text-muted">
          Connect an account first: the example then lists its id in the accounts column.
        </p>
      ) : null}
    </Card>
  );
}
