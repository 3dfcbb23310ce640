/**
 * Live inbox changes for one process: one Postgres connection LISTENs on INBOX_CHANNEL (opened with the
 * first subscriber, opened again after a drop) and hands each change to the open streams of its
 * workspace. A change carries only the conversation's id: the stream's reader reads it again through
 * the API, with its own rights.
 */
import type { Database, PoolClient } from '@plume/db/client';
import { INBOX_CHANNEL, parseInboxChange, type InboxChange } from './inbox-live.ts';

type Listener = (change: InboxChange) => void;

export type InboxHub = {
  /** `ready` settles once this process listens (it rejects when the database cannot be reached; the hub keeps trying). */
  subscribe: (workspaceId: string, listener: Listener) => { unsubscribe: () => void; ready: Promise<void> };
  size: () => number;
  close: () => Promise<void>;
};

export function createInboxHub(db: Database, options: { reconnectMs?: number } = {}): InboxHub {
  const subscribers = new Map<string, Set<Listener>>();
  let client: PoolClient | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  function deliver(payload: string | undefined): void {
    const change = parseInboxChange(payload);
    if (change === null) return;
    for (const listener of subscribers.get(change.workspaceId) ?? []) listener(change);
  }

  function dropped(): void {
    const gone = client;
    client = null;
    gone?.release(true);
    if (closed || subscribers.size === 0) return;
    retry = setTimeout(() => void ensureListening().catch(dropped), options.reconnectMs ?? 1000);
    retry.unref();
  }

  async function ensureListening(): Promise<void> {
    if (client !== null || closed) return;
    connecting ??= (async () => {
      const next = await db.$client.connect();
      next.on('notification', (message) => deliver(message.payload));
      next.on('error', dropped);
      next.on('end', dropped);
      await next.query(`LISTEN ${INBOX_CHANNEL}`);
      client = next;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    subscribe(workspaceId, listener) {
      const set = subscribers.get(workspaceId) ?? new Set<Listener>();
      set.add(listener);
      subscribers.set(workspaceId, set);
      const ready = ensureListening();
      ready.catch(dropped);
      const unsubscribe = () => {
        set.delete(listener);
        if (set.size === 0) subscribers.delete(workspaceId);
      };
      return { unsubscribe, ready };
    },
    size: () => [...subscribers.values()].reduce((total, set) => total + set.size, 0),
    async close() {
      closed = true;
      clearTimeout(retry);
      subscribers.clear();
      await connecting?.catch(() => undefined);
      const open = client;
      client = null;
      if (open !== null) {
        open.removeAllListeners('end');
        await open.query(`UNLISTEN ${INBOX_CHANNEL}`).catch(() => undefined);
        open.release();
      }
    },
  };
}
