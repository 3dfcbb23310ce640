import { useId, useState, type ChangeEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Account } from '@plume/contract/accounts/account-schemas';
import type { HistoryImportReport } from '@plume/contract/analytics/history-import-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { decodeCsvFile, FORMAT_NAMES, importHistoryCsv } from './history-import-query.ts';

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** "Import past results": an account's past posts and their numbers from a CSV, checked first. */
export function ImportHistoryCard({ workspaceId, accounts }: { workspaceId: string; accounts: readonly Account[] }) {
  const fileId = useId();
  const timeZone = useTimeZone();
  const [accountId, setAccountId] = useState('');
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [readError, setReadError] = useState<string>();
  const chosen = accountId || accounts[0]?.id || '';
  const check = useMutation({
    mutationFn: (input: { accountId: string; csv: string }) =>
      importHistoryCsv(workspaceId, input.accountId, input.csv, true),
  });
  const run = useMutation({
    mutationFn: (input: { accountId: string; csv: string }) =>
      importHistoryCsv(workspaceId, input.accountId, input.csv, false),
  });
  if (accounts.length === 0) return null;

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    check.reset();
    run.reset();
    setFile(undefined);
    if (!picked) return;
    try {
      setReadError(undefined);
      const csv = decodeCsvFile(await picked.arrayBuffer());
      setFile({ name: picked.name, csv });
      check.mutate({ accountId: chosen, csv });
    } catch {
      setReadError(`Could not read ${picked.name}. Is it a CSV file?`);
    }
  }

  const report = check.data;
  const error = run.error ?? check.error;
  return (
    <Card
      title="Import past results"
      description="Give Plume an account's past posts and their numbers, so predictions and best times start from its history. FiveThirtyEight's tweet export or the generic format of docs/analytics.md; nothing is saved until you import."
    >
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-4">
          <SelectField
            label="Account"
            value={chosen}
            options={accounts.map((account) => ({
              value: account.id,
              label: `${account.handle} (${account.network})`,
            }))}
            onChange={(event) => {
              setAccountId(event.target.value);
              check.reset();
              run.reset();
              if (file) check.mutate({ accountId: event.target.value, csv: file.csv });
            }}
          />
          <div>
            <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-ink">
              CSV file
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(event) => void handleFile(event)}
              className="block text-sm text-muted file:mr-3 file:rounded-md file:border file:border-line file:bg-subtle file:px-3 file:py-1.5 file:text-sm file:text-ink"
            />
          </div>
        </div>
        {readError ? (
          <p role="alert" className="text-sm text-danger">
            {readError}
          </p>
        ) : null}
        {check.isPending ? <p className="text-sm text-muted">Checking {file?.name}…</p> : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {errorMessageOf(error, { csv: 'File', sourceZone: 'Time zone' })}
          </p>
        ) : null}
        {run.data ? (
          <p
            role="status"
            className="rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm text-success"
          >
            Imported: {plural(run.data.added, 'new post')}
            {run.data.updated > 0 ? `, ${plural(run.data.updated, 'post')} with new numbers` : ''}
            {run.data.unchanged > 0 ? `, ${plural(run.data.unchanged, 'post')} already there` : ''}.
          </p>
        ) : null}
        {report && !run.data ? <CheckResult report={report} timeZone={timeZone} /> : null}
        {report && file && !run.data ? (
          <Button
            onClick={() => run.mutate({ accountId: chosen, csv: file.csv })}
            disabled={report.valid === 0 || run.isPending}
            isPending={run.isPending}
            pendingLabel="Importing…"
          >
            Import {plural(report.valid, 'post')}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}

function CheckResult({ report, timeZone }: { report: HistoryImportReport; timeZone: string }) {
  return (
    <div className="space-y-3 text-sm">
      <p role="status">
        Read as {FORMAT_NAMES[report.format]}: {plural(report.valid, 'post')} to store ({report.added.toLocaleString()}{' '}
        new, {report.unchanged.toLocaleString()} already there)
        {report.duplicates > 0 ? `, ${plural(report.duplicates, 'repeated row')} skipped` : ''}
        {report.errorCount > 0 ? `, ${plural(report.errorCount, 'row')} left out` : ''}.
      </p>
      {report.errors.length > 0 ? (
        <ul className="list-disc pl-5 text-danger" aria-label="Rows left out">
          {report.errors.map((item, index) => (
            <li key={index}>{item.line === null ? item.message : `Line ${item.line}: ${item.message}`}</li>
          ))}
        </ul>
      ) : null}
      {report.preview.length > 0 ? (
        <TableScroller>
          <table className="w-full text-left text-sm" aria-label="The first posts as they will be stored">
            <TableHead columns={[`Published (${timeZone})`, 'Text', 'Likes', 'Reposts', 'Replies', 'Engagements']} />
            <tbody>
              {report.preview.map((row, index) => (
                <tr key={index} className="border-b border-line align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    {formatTime(row.publishedAt, timeZone, { withZone: false })}
                  </td>
                  <td className="max-w-md truncate py-2 pr-4" title={row.text}>
                    {row.text}
                  </td>
                  <td className="py-2 pr-4">{row.likes.toLocaleString()}</td>
                  <td className="py-2 pr-4">{row.reposts.toLocaleString()}</td>
                  <td className="py-2 pr-4">{row.replies.toLocaleString()}</td>
                  <td className="py-2 pr-4">{row.engagements?.toLocaleString() ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      ) : null}
    </div>
  );
}
