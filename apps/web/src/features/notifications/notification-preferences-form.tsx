import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  NOTIFICATION_KIND_LABELS,
  notificationPreferencesSchema,
  type NotificationPreferences,
} from '@plume/contract/notifications/notification-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { api } from '../../lib/api.ts';
import { notificationPreferencesQueryOptions } from './notification-queries.ts';

type Line = NotificationPreferences['kinds'][number];
type Channel = 'inApp' | 'mail';

/** Per kind of notification: in the app, by mail (`PUT /me/notification-preferences`). Applies in every workspace. */
export function NotificationPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const queryClient = useQueryClient();
  const [lines, setLines] = useState<Line[]>(preferences.kinds);
  const save = useMutation({
    mutationFn: (kinds: Line[]) => api.put('/me/notification-preferences', { kinds }, notificationPreferencesSchema),
    onSuccess: (saved) => queryClient.setQueryData(notificationPreferencesQueryOptions.queryKey, saved),
  });

  function toggle(kind: Line['kind'], channel: Channel, on: boolean) {
    setLines(lines.map((line) => (line.kind === kind ? { ...line, [channel]: on } : line)));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(lines);
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={save.error} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Notifications by kind</caption>
        <TableHead columns={['What happened', 'In Plume', 'By mail']} />
        <tbody className="divide-y divide-line">
          {lines.map((line) => (
            <tr key={line.kind}>
              <th scope="row" className="py-2 pr-4 font-normal text-ink">
                {NOTIFICATION_KIND_LABELS[line.kind]}
              </th>
              {(['inApp', 'mail'] as const).map((channel) => (
                <td key={channel} className="py-2 pr-4">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-line-strong accent-accent"
                    aria-label={`${NOTIFICATION_KIND_LABELS[line.kind]}: ${channel === 'inApp' ? 'in Plume' : 'by mail'}`}
                    checked={line[channel]}
                    onChange={(e) => toggle(line.kind, channel, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save notifications
        </Button>
        {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
      </div>
    </form>
  );
}
