import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markAllReadSchema, notificationSchema } from '@plume/contract/notifications/notification-schemas';
import { api } from '../../lib/api.ts';
import { notificationsKey } from './notification-queries.ts';

/** Mark one notification read, or all of them; the count and lists are read again after. */
export function useMarkRead(workspaceId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: notificationsKey(workspaceId) });
  const markOne = useMutation({
    mutationFn: (id: string) => api.post(`/workspaces/${workspaceId}/notifications/${id}/read`, {}, notificationSchema),
    onSuccess,
  });
  const markAll = useMutation({
    mutationFn: () => api.post(`/workspaces/${workspaceId}/notifications/read-all`, {}, markAllReadSchema),
    onSuccess,
  });
  return { markOne, markAll };
}
