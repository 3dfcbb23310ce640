import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { API_BASE } from '../../lib/api.ts';
import { inboxKey } from './inbox-queries.ts';

/** How long changes are gathered before the inbox is read again: a burst of new comments is one refresh. */
const SETTLE_MS = 400;

/**
 * Keeps the inbox live: the server pushes `{ conversationId }` for each change over Server-Sent Events
 * (session cookie) and the list, the open conversation and the figures are read again. Each (re)connection
 * refreshes too, so what happened while the connection was down is caught up. EventSource reconnects by itself.
 */
export function useInboxStream(workspaceId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}/inbox/events`, {
      withCredentials: true,
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: inboxKey(workspaceId) }), SETTLE_MS);
    };
    source.addEventListener('open', refresh);
    source.addEventListener('ready', refresh);
    source.addEventListener('message', refresh);
    source.addEventListener('conversation', refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [workspaceId, queryClient]);
}
