/**
 * Live notifications for one process: one Postgres connection LISTENs on NOTIFICATION_CHANNEL (notify()
 * signals there at commit, from the API or any worker) and hands each new notification to the open
 * streams of its recipient in its workspace. The connection opens with the first subscriber and is
 * opened again after a drop; streams meanwhile keep their heartbeat, and the web app re-reads the count
 * when its EventSource reconnects.
 */
import type { Database, PoolClient } from '@plume/db/client';
import { NOTIFICATION_CHANNEL } from './notify.ts';
import { findNotification, type NotificationView, type Reader } from './query-notifications.ts';

type Listener = (notification: NotificationView) => void;

export type NotificationHub = {
  /**
   * Calls `listener` with each new in-app notification of `reader`. `ready` settles once this process
   * listens (it rejects when the database cannot be reached; the hub keeps trying).
   */
  subscribe: (reader: Reader, listener: Listener) => { unsubscribe: () => void; ready: Promise<void> };
  /** Subscribers now, for tests and metrics. */
  size: () => number;
  close: () => Promise<void>;
};

const keyOf = (reader: Reader) => `${reader.userId}\u0000${reader.workspaceId}`;

export function createNotificationHub(db: Database, options: { reconnectMs?: number } = {}): NotificationHub {
  const subscribers = new Map<string, Set<Listener>>();
  let client: PoolClient | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  async function deliver(payload: string | undefined): Promise<void> {
    const parsed = parsePayload(payload);
    if (parsed === null) return;
    const reader = { userId: parsed.userId, workspaceId: parsed.workspaceId };
    const listeners = subscribers.get(keyOf(reader));
    if (listeners === undefined || listeners.size === 0) return;
    const notification = await findNotification(db, reader, parsed.id);
    if (notification === null) return;
    for (const listener of listeners) listener(notification);
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
      next.on('notification', (message) => void deliver(message.payload).catch(() => undefined));
      next.on('error', dropped);
      next.on('end', dropped);
      await next.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      client = next;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    subscribe(reader, listener) {
      const key = keyOf(reader);
      const set = subscribers.get(key) ?? new Set<Listener>();
      set.add(listener);
      subscribers.set(key, set);
      const ready = ensureListening();
      ready.catch(dropped);
      const unsubscribe = () => {
        set.delete(listener);
        if (set.size === 0) subscribers.delete(key);
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
        await open.query(`UNLISTEN ${NOTIFICATION_CHANNEL}`).catch(() => undefined);
        open.release();
      }
    },
  };
}

function parsePayload(payload: string | undefined): { id: string; userId: string; workspaceId: string } | null {
  try {
    const value: unknown = JSON.parse(payload ?? '');
    if (typeof value !== 'object' || value === null) return null;
    const { id, userId, workspaceId } = value as Record<string, unknown>;
    return typeof id === 'string' && typeof userId === 'string' && typeof workspaceId === 'string'
      ? { id, userId, workspaceId }
      : null;
  } catch {
    return null;
  }
}
