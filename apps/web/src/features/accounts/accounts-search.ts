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
