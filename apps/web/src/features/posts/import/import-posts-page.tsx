import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { textLinkClasses } from '../../../components/text-link-classes.ts';
import { ApiError } from '../../../lib/api.ts';
import { accountsQueryOptions } from '../../accounts/accounts-query.ts';
import { useWorkspace } from '../../workspaces/use-workspace.ts';
import { postsKey } from '../posts-query.ts';
import { CsvSource } from './csv-source.tsx';
import { ImportColumnsCard } from './import-columns-card.tsx';
import { importPostsCsv } from './import-query.ts';
import type { ImportReport } from '@plume/contract/posts/import-schemas';
import { rejectedReport } from './import-report.ts';
import { ImportReportTable } from './import-report-table.tsx';

/** A failure that is not a row report (unreadable file, too big, offline), with the server's reasons. */
function RequestProblem({ error }: { error: unknown }) {
  if (!error || rejectedReport(error)) return null;
  const reasons = error instanceof ApiError ? error.errors.map((problem) => problem.message) : [];
  const lead =
    error instanceof ApiError && error.status === 413
      ? 'The file is too big to import at once (at most 1,000 rows and 5 MB). Split it and import the parts.'
      : undefined;
  return (
    <FormAlert error={error} message={lead}>
      {reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </FormAlert>
  );
}

/** /w/$workspaceId/posts/import — check a CSV of posts row by row, then create them all at once. */
export function ImportPostsPage({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const workspace = useWorkspace(workspaceId);
  const accountIds = (useQuery(accountsQueryOptions(workspaceId)).data ?? []).map((account) => account.id);
  const [csv, setCsv] = useState('');
  // The report on screen and the exact text it is about: editing the text asks for a new check.
  const [checked, setChecked] = useState<{ csv: string; report: ImportReport }>();
  const [imported, setImported] = useState<number>();
  const check = useMutation({
    mutationFn: (text: string) => importPostsCsv(workspaceId, text, true),
    onSuccess: (report, text) => setChecked({ csv: text, report }),
  });
  const run = useMutation({
    mutationFn: (text: string) => importPostsCsv(workspaceId, text, false),
    onSuccess: async (report) => {
      setImported(report.postIds.length);
      setChecked(undefined);
      setCsv('');
      await queryClient.invalidateQueries({ queryKey: postsKey(workspaceId) });
    },
    onError: (error, text) => {
      const report = rejectedReport(error);
      if (report) setChecked({ csv: text, report });
    },
  });
  const isCurrent = checked?.csv === csv;
  const canImport = isCurrent && checked.report.ok && checked.report.rows.length > 0;
  const pending = check.isPending || run.isPending;

  function handleChange(next: string) {
    setCsv(next);
    setImported(undefined);
  }

  return (
    <>
      <PageHeader
        title="Import posts"
        description={
          <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>
            Back to posts
          </Link>
        }
      />
      <div className="space-y-6">
        <Card
          title="CSV"
          description="Check the file first: every row is checked like a new post, and nothing is saved until all rows are good."
        >
          <div className="space-y-4">
            {imported !== undefined ? (
              <p
                role="status"
                className="rounded-md border border-success/40 bg-success-soft px-3 py-2 text-sm text-success"
              >
                Imported {imported} post{imported === 1 ? '' : 's'}.{' '}
                <Link to="/w/$workspaceId/posts" params={{ workspaceId }} className={textLinkClasses}>
                  See them in Posts
                </Link>
              </p>
            ) : null}
            <RequestProblem error={run.error ?? check.error} />
            <CsvSource csv={csv} onChange={handleChange} />
            <div className="flex flex-wrap items-center gap-2">
              <Button
                variant={canImport ? 'secondary' : 'primary'}
                onClick={() => {
                  run.reset();
                  check.mutate(csv);
                }}
                disabled={csv.trim() === '' || pending}
                isPending={check.isPending}
                pendingLabel="Checking…"
              >
                Check
              </Button>
              <Button
                onClick={() => run.mutate(csv)}
                disabled={!canImport || pending}
                isPending={run.isPending}
                pendingLabel="Importing…"
              >
                {canImport
                  ? `Import ${checked.report.rows.length} post${checked.report.rows.length === 1 ? '' : 's'}`
                  : 'Import'}
              </Button>
              {checked && !isCurrent ? (
                <span className="text-sm text-muted">The text changed since the check: check it again.</span>
              ) : null}
            </div>
            {checked && isCurrent ? <ImportReportTable report={checked.report} /> : null}
          </div>
        </Card>
        <ImportColumnsCard accountIds={accountIds} timezone={workspace.timezone} />
      </div>
    </>
  );
}
