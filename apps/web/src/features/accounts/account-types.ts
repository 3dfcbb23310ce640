/** `Account` in the API contract (never tokens). */
export interface Account {
  id: string;
  network: string;
  externalId: string;
  handle: string;
  displayName: string;
  kind: string;
  avatarUrl: string | null;
  profileUrl: string | null;
  status: 'connected' | 'disconnected';
  disconnectedReason: string | null;
  tokenExpiresAt: string | null;
  lastRefreshedAt: string | null;
  healthCheckedAt: string | null;
  healthError: string | null;
  rateLimitedUntil: string | null;
  /** Posts that failed because this account was disconnected (list only). */
  failedWhileDisconnected?: number;
  createdAt: string;
}

/** One identity a sign-in offered (page, organization, channel…). */
export interface Identity {
  externalId: string;
  handle: string;
  displayName: string;
  kind: string;
  avatarUrl?: string;
  profileUrl?: string;
}

/** `GET /workspaces/:workspaceId/pending-connections/:pendingId`. */
export interface PendingIdentities {
  network: string;
  identities: Identity[];
}

/** Search params of the accounts page, as the OAuth callback sends them. */
export interface AccountsSearch {
  connected?: string;
  pick?: string;
  error?: string;
}

/** Reads the accounts page's search params, dropping anything that is not a non-empty string. */
export function parseAccountsSearch(search: Record<string, unknown>): AccountsSearch {
  const result: AccountsSearch = {};
  for (const key of ['connected', 'pick', 'error'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value.length > 0) result[key] = value;
  }
  return result;
}
