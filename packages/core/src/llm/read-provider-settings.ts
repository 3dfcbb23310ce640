/**
 * A workspace's own provider with its key decrypted, for "test connection" only. The result stays in
 * memory for one call; nothing here is ever returned to a client.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { llmProviders } from '@plume/db/schema/llm';
import type { ProviderKind, ProviderSettings } from '@plume/llm/provider-contract';

export async function readWorkspaceProviderSettings(
  db: Database,
  decrypt: (ciphertext: string) => string,
  input: { workspaceId: string; providerId: string; purpose?: 'text' | 'media' },
): Promise<ProviderSettings | null> {
  const [row] = await db
    .select()
    .from(llmProviders)
    .where(
      and(
        eq(llmProviders.workspaceId, input.workspaceId),
        eq(llmProviders.purpose, input.purpose ?? 'text'),
        eq(llmProviders.providerId, input.providerId),
      ),
    );
  if (!row) return null;
  return {
    id: row.providerId,
    kind: row.kind as ProviderKind,
    ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}),
    ...(row.apiKeyCiphertext ? { apiKey: decrypt(row.apiKeyCiphertext) } : {}),
  };
}
