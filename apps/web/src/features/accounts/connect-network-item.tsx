import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { Network } from '@plume/contract/networks/network-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { startOAuth } from './accounts-query.ts';
import { CredentialsForm } from './credentials-form.tsx';

/** One network in "Connect an account": its setup state and the way to connect it. */
export function ConnectNetworkItem({ workspaceId, network }: { workspaceId: string; network: Network }) {
  const [open, setOpen] = useState(false);
  const [instanceUrl, setInstanceUrl] = useState('');
  const start = useMutation({
    mutationFn: (body: { network: string; instanceUrl?: string }) => startOAuth(workspaceId, body),
  });
  const errors = fieldErrorsOf(start.error);

  function handleServer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    start.mutate({ network: network.id, instanceUrl: instanceUrl.trim() });
  }

  return (
    <li className="rounded-md border border-line p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium text-ink">{network.name}</p>
          {network.ready ? null : (
            <p className="text-xs text-warning">
              Not set up on this server yet: whoever runs Plume sets {network.missing.join(' and ')} (see{' '}
              <code>{network.setupGuide}</code>).
            </p>
          )}
        </div>
        {!network.ready ? (
          <span className="rounded bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">Needs setup</span>
        ) : network.connect === 'oauth' ? (
          <Button
            variant="secondary"
            onClick={() => start.mutate({ network: network.id })}
            isPending={start.isPending}
            pendingLabel="Opening…"
          >
            Connect {network.name}
          </Button>
        ) : open ? null : (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Connect {network.name}
          </Button>
        )}
      </div>
      {network.connect === 'oauth' ? (
        <div className="mt-2">
          <FormAlert error={start.error} />
        </div>
      ) : null}
      {network.ready && open && network.connect === 'oauth_per_server' ? (
        <form noValidate onSubmit={handleServer} className="mt-3 space-y-3" aria-label={`Connect ${network.name}`}>
          <FormAlert error={start.error} />
          <TextField
            label="Server"
            name="instanceUrl"
            required
            placeholder="mastodon.social"
            value={instanceUrl}
            hint="The address of your server, e.g. mastodon.social."
            error={errors.instanceUrl}
            onChange={(e) => setInstanceUrl(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" isPending={start.isPending} pendingLabel="Opening…">
              Continue to sign in
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {network.ready && open && network.connect === 'credentials' ? (
        <div className="mt-3">
          <CredentialsForm workspaceId={workspaceId} network={network} onDone={() => setOpen(false)} />
        </div>
      ) : null}
    </li>
  );
}
