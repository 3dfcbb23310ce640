/** Saves the accounts a connection chose (new or reconnected), each with its audit event, in one transaction. */
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { ConnectedIdentity, TokenSet } from '@plume/networks/contract';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';
import type { Database } from '@plume/db/client';
import { toAccountView, upsertAccount, type AccountView } from './account-store.ts';

export async function saveIdentities(
  deps: { db: Database; keyring: Keyring },
  input: {
    workspaceId: string;
    network: NetworkId;
    tokens: TokenSet;
    identities: ConnectedIdentity[];
    userId: string | null;
    actor: AuditActor;
    onlyExternalIds: Set<string> | undefined;
  },
): Promise<AccountView[]> {
  const chosen = input.identities.filter((identity) => input.onlyExternalIds?.has(identity.externalId) ?? true);
  return deps.db.transaction(async (tx) => {
    const views: AccountView[] = [];
    for (const identity of chosen) {
      const { account, created } = await upsertAccount({ db: tx, keyring: deps.keyring }, { ...input, identity });
      await recordAudit(
        tx,
        input.workspaceId,
        input.actor,
        created ? 'account.connected' : 'account.reconnected',
        'account',
        account.id,
        {
          network: input.network,
          handle: account.handle,
        },
      );
      views.push(toAccountView(account));
    }
    return views;
  });
}
