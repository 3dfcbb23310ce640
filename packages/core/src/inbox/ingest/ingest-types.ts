/** The shapes storing inbox items passes around (store-inbox-items.ts, after-store.ts). */
import type { InboxKind, ItemDirection } from '@plume/contract/inbox/inbox-enums';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';

export type Executor = Pick<Database, 'execute'>;

/** The connected account the items belong to. */
export type InboxAccount = { id: string; workspaceId: string; network: NetworkId };

/** An item this store inserted. */
export type StoredInboxItem = {
  id: string;
  conversationId: string;
  remoteId: string;
  kind: InboxKind;
  direction: ItemDirection;
  authorHandle: string;
  text: string;
  url: string | null;
  createdAt: Date;
};
