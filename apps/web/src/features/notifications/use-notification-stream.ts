import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { API_BASE } from '../../lib/api.ts';
import { notificationsKey } from './notification-queries.ts';

/**
 * Keeps the workspace's notifications live: the server pushes each new one over Server-Sent Events
 * (session cookie), and the count and lists are read again. `ready` arrives on every (re)connection,
 * so whatever happened while the connection was down is caught up too. EventSource reconnects by itself.
 */
export function useNotificationStream(workspaceId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (workspaceId === undefined || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/workspaces/${workspaceId}/notifications/stream`, {
      withCredentials: true,
    });
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey(workspaceId) });
    source.addEventListener('ready', refresh);
    source.addEventListener('notification', refresh);
    return () => source.close();
  }, [workspaceId, queryClient]);
}
