import { asc, eq } from 'drizzle-orm';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';

export type AccountRef = { accountId: string; network: NetworkId; handle: string; displayName: string };

/** The workspace's accounts as analytics names them, in a stable order (network, then handle). */
export async function listWorkspaceAccounts(db: Database, workspaceId: string): Promise<AccountRef[]> {
  return db
    .select({
      accountId: socialAccounts.id,
      network: socialAccounts.network,
      handle: socialAccounts.handle,
      displayName: socialAccounts.displayName,
    })
    .from(socialAccounts)
    .where(eq(socialAccounts.workspaceId, workspaceId))
    .orderBy(asc(socialAccounts.network), asc(socialAccounts.handle));
}
