import type { ApiKeyScope } from '@plume/db/schema/api-keys';
import type { AuditActor } from '@plume/core/audit/record-audit';

/** Who is calling: a signed-in user (cookie or bearer session token) or a workspace API key. */
export type Principal =
  | { kind: 'user'; userId: string; name: string; email: string; emailVerified: boolean; isInstanceAdmin: boolean }
  | { kind: 'api_key'; apiKeyId: string; workspaceId: string; name: string; scopes: ApiKeyScope[] };

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, name: principal.name }
    : { type: 'api_key', id: principal.apiKeyId, name: principal.name };
}

/** A stable string per caller, for idempotency records and rate-limit keys. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.userId}` : `key:${principal.apiKeyId}`;
}
