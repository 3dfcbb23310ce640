import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountSchema } from '@plume/contract/accounts/account-schemas';
import { itemsOf } from '@plume/contract/wire';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { api } from '../../lib/api.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { accountsQueryOptions, pendingQueryOptions } from './accounts-query.ts';

interface PickIdentitiesCardProps {
  workspaceId: string;
  pendingId: string;
  onDone: (connectedIds: string[]) => void;
}

/** After a sign-in that offered several pages/organizations/channels: choose which to connect. */
export function PickIdentitiesCard({ workspaceId, pendingId, onDone }: PickIdentitiesCardProps) {
  const queryClient = useQueryClient();
  const pending = useQuery(pendingQueryOptions(workspaceId, pendingId));
  const networkName = useNetworkName();
  const [picked, setPicked] = useState<string[]>([]);
  const [clientError, setClientError] = useState<string>();
  const pick = useMutation({
    mutationFn: (externalIds: string[]) =>
      api.post(
        `${workspacePath(workspaceId)}/pending-connections/${encodeURIComponent(pendingId)}`,
        { externalIds },
        itemsOf(accountSchema),
      ),
    onSuccess: async (body) => {
      await queryClient.invalidateQueries({ queryKey: accountsQueryOptions(workspaceId).queryKey });
      onDone(body.items.map((account) => account.id));
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (picked.length === 0) {
      setClientError('Choose at least one account to connect.');
      return;
    }
    setClientError(undefined);
    pick.mutate(picked);
  }

  return (
    <Card title="Choose the accounts to connect" description="Your sign-in gave access to several accounts.">
      {pending.isPending ? <LoadingState label="Loading the accounts you can connect…" /> : null}
      {pending.isError ? <ErrorState error={pending.error} /> : null}
      {pending.isSuccess ? (
        <form noValidate onSubmit={handleSubmit} className="space-y-3">
          <FormAlert error={pick.error} message={clientError} />
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium text-ink">
              Accounts on {networkName(pending.data.network)}
            </legend>
            {pending.data.identities.map((identity) => (
              <CheckboxField
                key={identity.externalId}
                label={identity.displayName || identity.handle}
                description={`${identity.handle} · ${identity.kind}`}
                checked={picked.includes(identity.externalId)}
                onChange={(e) =>
                  setPicked((current) =>
                    e.target.checked
                      ? [...current, identity.externalId]
                      : current.filter((id) => id !== identity.externalId),
                  )
                }
              />
            ))}
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" isPending={pick.isPending} pendingLabel="Connecting…">
              Connect selected accounts
            </Button>
            <Button variant="secondary" onClick={() => onDone([])}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
