import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { collectionSchema } from '@plume/contract/media/vault-schemas';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf, fieldErrorsOf } from '../../lib/field-errors.ts';
import { collectionsPath, collectionsQueryOptions, vaultKey } from './vault-query.ts';

interface VaultCollectionsProps {
  workspaceId: string;
  activeId: string | undefined;
  selectedIds: readonly string[];
  onShow: (collectionId: string | undefined) => void;
}

const itemClasses = (active: boolean) =>
  `w-full rounded px-2 py-1 text-left text-sm ${active ? 'bg-accent-soft text-accent' : 'text-ink hover:bg-subtle'}`;

/** The collections: show one, make one, put the selected items in one, take the shown one away. */
export function VaultCollections({ workspaceId, activeId, selectedIds, onShow }: VaultCollectionsProps) {
  const queryClient = useQueryClient();
  const collections = useQuery(collectionsQueryOptions(workspaceId));
  const [name, setName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: vaultKey(workspaceId) });
  const create = useMutation({
    mutationFn: () => api.post(collectionsPath(workspaceId), { name }, collectionSchema),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const add = useMutation({
    mutationFn: (collectionId: string) =>
      api.post(`${collectionsPath(workspaceId)}/${collectionId}/items`, { mediaIds: selectedIds }, collectionSchema),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (collectionId: string) => api.delete(`${collectionsPath(workspaceId)}/${collectionId}`),
    onSuccess: () => {
      onShow(undefined);
      void refresh();
    },
  });
  const items = collections.data?.items ?? [];
  return (
    <nav aria-label="Collections" className="space-y-3">
      <h2 className="text-sm font-semibold text-ink">Collections</h2>
      <ul className="space-y-1">
        <li>
          <button
            type="button"
            className={itemClasses(activeId === undefined)}
            aria-current={activeId === undefined ? 'true' : undefined}
            onClick={() => onShow(undefined)}
          >
            All media
          </button>
        </li>
        {items.map((collection) => (
          <li key={collection.id} className="flex items-center gap-1">
            <button
              type="button"
              className={itemClasses(activeId === collection.id)}
              aria-current={activeId === collection.id ? 'true' : undefined}
              onClick={() => onShow(collection.id)}
            >
              {collection.name} <span className="text-muted">({collection.count})</span>
            </button>
            {selectedIds.length > 0 ? (
              <button
                type="button"
                className="shrink-0 text-xs text-accent underline"
                onClick={() => add.mutate(collection.id)}
              >
                Add {selectedIds.length}
                <span className="sr-only"> selected to {collection.name}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {collections.isSuccess && items.length === 0 ? (
        <p className="text-xs text-muted">No collections yet. Group files for a campaign or a client.</p>
      ) : null}
      {add.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessageOf(add.error)}
        </p>
      ) : null}
      {add.isSuccess ? (
        <p role="status" className="text-xs text-muted">
          Added to {add.data.name}.
        </p>
      ) : null}
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField
          label="New collection"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={create.error ? (fieldErrorsOf(create.error).name ?? errorMessageOf(create.error)) : undefined}
        />
        <Button type="submit" variant="secondary" isPending={create.isPending}>
          Create collection
        </Button>
      </form>
      {activeId !== undefined ? (
        <Button variant="ghost" isPending={remove.isPending} onClick={() => remove.mutate(activeId)}>
          Delete this collection
        </Button>
      ) : null}
    </nav>
  );
}
