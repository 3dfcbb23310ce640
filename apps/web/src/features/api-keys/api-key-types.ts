/** What a key may do: read data, or also change it. */
export type ApiKeyScope = 'read' | 'write';

/** `ApiKey` in the API contract (never the secret). */
export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  createdBy: string;
}

/** The create answer: the only time the full `key` is shown. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

/** `POST /workspaces/:id/api-keys` body. */
export interface CreateApiKeyBody {
  name: string;
  scopes: ApiKeyScope[];
  expiresInDays?: number;
}
