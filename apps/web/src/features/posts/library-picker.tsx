import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { pageOf } from '@plume/contract/wire';
import { vaultItemSchema, type VaultItem } from '@plume/contract/media/vault-schemas';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { mediaPath, vaultKey } from '../media/vault-query.ts';
import { ApprovalBadge, VaultThumb } from '../media/vault-thumb.tsx';

interface LibraryPickerProps {
  workspaceId: string;
  chosenIds: ReadonlySet<string>;
  onPick: (item: VaultItem) => void;
}

/** The composer's "From the library": search the vault and pick approved items; pending ones wait for approval. */
export function LibraryPicker({ workspaceId, chosenIds, onPick }: LibraryPickerProps) {
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const params = new URLSearchParams({ limit: '24' });
  if (q) params.set('q', q);
  const list = useQuery({
    queryKey: [...vaultKey(workspaceId), 'picker', q],
    queryFn: () => api.get(`${mediaPath(workspaceId)}?${params.toString()}`, pageOf(vaultItemSchema)),
  });
  const items = (list.data?.items ?? []).filter((item) => item.approval !== 'rejected');
  return (
    <div className="space-y-3 rounded-md border border-line p-3">
      <form
        role="search"
        aria-label="Search the library"
        className="flex items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(words.trim());
        }}
      >
        <TextField
          label="Search the library"
          type="search"
          className="flex-1"
          value={words}
          onChange={(e) => setWords(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {list.isPending ? <LoadingState label="Loading the library…" /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <p className="text-sm text-muted">
          {q ? 'Nothing in the library matches.' : 'The library is empty: upload a file above.'}
        </p>
      ) : null}
      <ul aria-label="Library" className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {items.map((item) => {
          const chosen = chosenIds.has(item.id);
          const usable = item.approval === 'approved';
          return (
            <li key={item.id} className="space-y-1">
              <div className="aspect-square overflow-hidden rounded border border-line">
                <VaultThumb item={item} />
              </div>
              <p className="truncate text-xs text-ink" title={item.fileName}>
                {item.fileName}
              </p>
              {usable ? (
                <Button variant="secondary" disabled={chosen} onClick={() => onPick(item)}>
                  {chosen ? 'Added' : 'Use'}
                  <span className="sr-only"> {item.fileName}</span>
                </Button>
              ) : (
                <p className="text-xs text-muted">
                  <ApprovalBadge item={item} /> Approve it in Media first.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
