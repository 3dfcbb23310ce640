/** What the Mastodon fake keeps for the inbox: other people's statuses, notifications, conversations. */
export interface MastodonFakePerson {
  id: string;
  username: string;
  /** `name` for a local account, `name@server` for a remote one. */
  acct: string;
  displayName: string;
}

export interface MastodonFakeOtherStatus {
  id: string;
  account: MastodonFakePerson;
  text: string;
  inReplyToId: string | null;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  createdAt: Date;
}

export interface MastodonFakeInbox {
  others: Map<string, MastodonFakeOtherStatus>;
  notifications: { id: string; type: string; createdAt: Date; accountId: string; statusId: string }[];
  /** Direct conversations: their id, the other participants and the statuses that started them. */
  conversations: { id: string; participants: MastodonFakePerson[]; statusIds: string[] }[];
  nextNotificationId: number;
}

export function createMastodonFakeInbox(): MastodonFakeInbox {
  return { others: new Map(), notifications: [], conversations: [], nextNotificationId: 1000 };
}
