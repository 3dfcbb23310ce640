import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { OutboxRow } from './outbox-row.tsx';
import { outboxQueryOptions } from './outbox-query.ts';

/** /admin/outbox — mail kept by an instance without SMTP, readable by the instance admin. */
export function OutboxPage() {
  const outbox = useInfiniteQuery(outboxQueryOptions);
  const mails = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const timeZone = useTimeZone();
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Without SMTP_URL, Plume keeps outgoing mail here instead of sending it. Open a mail to follow its links, such as an email confirmation."
      />
      <Card>
        {outbox.isPending ? <LoadingState label="Loading mail…" /> : null}
        {outbox.isError ? <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
        {outbox.isSuccess && mails.length === 0 ? (
          <EmptyState title="The outbox is empty">Mail Plume would have sent will show up here.</EmptyState>
        ) : null}
        {mails.length > 0 ? (
          <TableScroller>
            <table className="w-full min-w-[36rem] text-left text-sm text-muted">
              <TableCaption title="Kept mail" timeZone={timeZone} />
              <TableHead columns={['To', 'Subject', 'Created']} />
              <tbody className="divide-y divide-line">
                {mails.map((mail) => (
                  <OutboxRow key={mail.id} mail={mail} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </TableScroller>
        ) : null}
        {outbox.hasNextPage ? (
          <div className="mt-4 flex justify-center">
            <Button
              variant="secondary"
              onClick={() => void outbox.fetchNextPage()}
              isPending={outbox.isFetchingNextPage}
              pendingLabel="Loading…"
            >
              Load more
            </Button>
          </div>
        ) : null}
      </Card>
    </>
  );
}
