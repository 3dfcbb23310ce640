import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Account } from '@plume/contract/accounts/account-schemas';
import { Card } from '../../../components/card.tsx';
import { networksQueryOptions } from '../../networks/networks-query.ts';
import { SlotEditor } from './slot-editor.tsx';

interface PostingSlotsCardProps {
  workspaceId: string;
  accounts: Account[];
  timezone: string;
  canEdit: boolean;
}

/** One folding section per account; an editor (and its request) only exists while its section is open. */
function AccountSlots({
  workspaceId,
  account,
  networkName,
  canEdit,
}: {
  workspaceId: string;
  account: Account;
  networkName: string;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const label = `${networkName} ${account.handle}`;
  return (
    <details className="rounded-md border border-line" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-ink">Posting times for {label}</summary>
      {open ? (
        <div className="border-t border-line p-3">
          <SlotEditor workspaceId={workspaceId} accountId={account.id} label={label} canEdit={canEdit} />
        </div>
      ) : null}
    </details>
  );
}

/** Weekly posting times per account, which the "Next free slot" action on a post picks from. */
export function PostingSlotsCard({ workspaceId, accounts, timezone, canEdit }: PostingSlotsCardProps) {
  const networks = useQuery(networksQueryOptions).data ?? [];
  if (accounts.length === 0) return null;
  return (
    <Card
      title="Posting times"
      description={`Preferred times to post, per account, on the workspace clock (${timezone}). “Next free slot” on a post takes the first one no other post of the account uses.`}
    >
      <div className="space-y-2">
        {accounts.map((account) => (
          <AccountSlots
            key={account.id}
            workspaceId={workspaceId}
            account={account}
            canEdit={canEdit}
            networkName={networks.find((n) => n.id === account.network)?.name ?? account.network}
          />
        ))}
      </div>
      {canEdit ? null : <p className="mt-3 text-sm text-muted">Viewers can see posting times; editors change them.</p>}
    </Card>
  );
}
