import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  rotatedWebhookSecretSchema,
  webhookDeliverySchema,
  webhookSchema,
  type Webhook,
} from '@plume/contract/webhooks/webhook-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useTimeZone } from '../workspaces/use-time-zone.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { WebhookSecretPanel } from './webhook-secret-panel.tsx';
import { deliveriesQueryOptions, webhooksPath, webhooksQueryOptions } from './webhooks-query.ts';

/** One endpoint: what it receives, its state, its actions and its delivery log. */
export function WebhookCard({ workspaceId, webhook }: { workspaceId: string; webhook: Webhook }) {
  const queryClient = useQueryClient();
  const timeZone = useTimeZone();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const path = `${webhooksPath(workspaceId)}/${encodeURIComponent(webhook.id)}`;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: webhooksQueryOptions(workspaceId).queryKey });
    await queryClient.invalidateQueries({ queryKey: deliveriesQueryOptions(workspaceId, webhook.id).queryKey });
  };
  const test = useMutation({
    mutationFn: () => api.post(`${path}/test`, {}, webhookDeliverySchema),
    onSettled: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => api.post(`${path}/rotate-secret`, {}, rotatedWebhookSecretSchema),
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: () => api.patch(path, { enabled: !webhook.enabled }, webhookSchema),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: () => api.delete(path), onSuccess: refresh });
  const error = [test, rotate, toggle, remove].find((mutation) => mutation.isError)?.error;
  const tested = test.data?.attemptLog[0];

  return (
    <Card title={webhook.url} description={webhook.description || undefined}>
      <div className="space-y-4">
        <p className="text-sm text-muted">
          {webhook.enabled ? 'On' : `Off: ${webhook.disabledReason ?? 'turned off.'}`} · Events:{' '}
          {webhook.eventTypes.join(', ')}
          {webhook.previousSecretExpiresAt
            ? ` · The previous secret also signs until ${formatTime(webhook.previousSecretExpiresAt, timeZone)}`
            : ''}
        </p>
        {rotate.isSuccess ? (
          <WebhookSecretPanel
            title="New signing secret"
            secret={rotate.data.secret}
            note={`Messages are signed with both the new and the old secret until ${formatTime(rotate.data.previousSecretExpiresAt, timeZone)}: update your receiver before then.`}
            onDone={() => rotate.reset()}
          />
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => test.mutate()} isPending={test.isPending} pendingLabel="Sending…">
            Send test event
          </Button>
          <Button
            variant="secondary"
            onClick={() => rotate.mutate()}
            isPending={rotate.isPending}
            pendingLabel="Rotating…"
          >
            Rotate secret
          </Button>
          <Button variant="secondary" onClick={() => toggle.mutate()} isPending={toggle.isPending}>
            {webhook.enabled ? 'Turn off' : 'Turn on'}
          </Button>
          {confirmingDelete ? (
            <span className="flex items-center gap-2 text-sm text-ink">
              Delete this endpoint and its delivery log?
              <Button variant="danger" onClick={() => remove.mutate()} isPending={remove.isPending}>
                Delete
              </Button>
              <Button variant="ghost" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </Button>
            </span>
          ) : (
            <Button variant="ghost" onClick={() => setConfirmingDelete(true)}>
              Delete…
            </Button>
          )}
        </div>
        {tested ? (
          <p role="status" className={`text-sm ${tested.ok ? 'text-success' : 'text-danger'}`}>
            Test event: {tested.ok ? 'delivered' : 'not delivered'} (
            {tested.status === null ? tested.responseExcerpt : `HTTP ${tested.status}`}, {Math.round(tested.latencyMs)}{' '}
            ms)
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {errorMessageOf(error)}
          </p>
        ) : null}
        <DeliveryLog workspaceId={workspaceId} webhookId={webhook.id} />
      </div>
    </Card>
  );
}
