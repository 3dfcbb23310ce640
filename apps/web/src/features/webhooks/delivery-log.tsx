import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { webhookDeliverySchema, type WebhookDelivery } from '@plume/contract/webhooks/webhook-schemas';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TableCaption } from '../../components/table-caption.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TableScroller } from '../../components/table-scroller.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { deliveriesQueryOptions, webhooksPath } from './webhooks-query.ts';

const stateWords: Record<WebhookDelivery['state'], string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

function lastAnswer(delivery: WebhookDelivery): string {
  const attempt = delivery.attemptLog[0];
  if (attempt === undefined) return 'Not sent yet';
  const status = attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`;
  const excerpt = attempt.responseExcerpt.trim();
  return `${status}, ${Math.round(attempt.latencyMs)} ms${excerpt ? ` — ${excerpt.slice(0, 120)}` : ''}`;
}

/** An endpoint's latest deliveries, each with its last answer and a Replay button. */
export function DeliveryLog({ workspaceId, webhookId }: { workspaceId: string; webhookId: string }) {
  const deliveries = useQuery({ ...deliveriesQueryOptions(workspaceId, webhookId), refetchInterval: 10_000 });
  const timeZone = useTimeZone();
  if (deliveries.isPending) return <LoadingState label="Loading deliveries…" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.items.length === 0)
    return (
      <EmptyState title="Nothing sent yet">
        Events this endpoint subscribes to appear here as they happen. Send a test event to try it now.
      </EmptyState>
    );
  return (
    <TableScroller>
      <table className="w-full min-w-[48rem] text-left text-sm text-muted">
        <TableCaption title="Latest deliveries" timeZone={timeZone} />
        <TableHead columns={['Event', 'Created', 'State', 'Attempts', 'Last answer', 'Next try']} hasActions />
        <tbody className="divide-y divide-line">
          {deliveries.data.items.map((delivery) => (
            <DeliveryRow key={delivery.id} workspaceId={workspaceId} webhookId={webhookId} delivery={delivery} />
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}

function DeliveryRow(props: { workspaceId: string; webhookId: string; delivery: WebhookDelivery }) {
  const { workspaceId, webhookId, delivery } = props;
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const replay = useMutation({
    mutationFn: () =>
      api.post(
        `${webhooksPath(workspaceId)}/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(delivery.id)}/replay`,
        {},
        webhookDeliverySchema,
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: deliveriesQueryOptions(workspaceId, webhookId).queryKey }),
  });
  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <code className="text-xs text-ink">{delivery.type}</code>
        <div className="text-xs">{delivery.messageId}</div>
      </td>
      <td className="py-3 pr-4 whitespace-nowrap">{formatTime(delivery.createdAt, timeZone, { withZone: false })}</td>
      <td className={`py-3 pr-4 font-medium ${delivery.state === 'failed' ? 'text-danger' : 'text-ink'}`}>
        {stateWords[delivery.state]}
      </td>
      <td className="py-3 pr-4">{delivery.attempts}</td>
      <td className="py-3 pr-4 break-words">{lastAnswer(delivery)}</td>
      <td className="py-3 pr-4 whitespace-nowrap">
        {formatTime(delivery.nextAttemptAt, timeZone, { withZone: false })}
      </td>
      <td className="py-3 text-right">
        <Button
          variant="secondary"
          onClick={() => replay.mutate()}
          isPending={replay.isPending}
          pendingLabel="Queuing…"
        >
          Replay<span className="sr-only"> {delivery.messageId}</span>
        </Button>
        {replay.isError ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(replay.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
