import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { savedReplySchema, type SavedReply } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { api } from '../../lib/api.ts';
import { InboxDialog } from './inbox-dialog.tsx';
import { inboxPath, savedRepliesQueryOptions } from './inbox-queries.ts';
import { SavedReplyForm, type SavedReplyValues } from './saved-reply-form.tsx';

const savedPath = (workspaceId: string, id = '') =>
  inboxPath(workspaceId, `/saved-replies${id ? `/${encodeURIComponent(id)}` : ''}`);

function useSavedReplyActions(workspaceId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: savedRepliesQueryOptions(workspaceId).queryKey });
  return {
    add: useMutation({
      mutationFn: (values: SavedReplyValues) => api.post(savedPath(workspaceId), values, savedReplySchema),
      onSuccess: refresh,
    }),
    edit: useMutation({
      mutationFn: (input: { id: string } & SavedReplyValues) =>
        api.patch(savedPath(workspaceId, input.id), { title: input.title, text: input.text }, savedReplySchema),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(savedPath(workspaceId, id)), onSuccess: refresh }),
  };
}

/** Saved replies: the team's ready answers (list, add, edit, delete). */
export function SavedRepliesDialog({
  workspaceId,
  canEdit,
  onClose,
}: {
  workspaceId: string;
  canEdit: boolean;
  onClose: () => void;
}) {
  const saved = useQuery(savedRepliesQueryOptions(workspaceId));
  const actions = useSavedReplyActions(workspaceId);
  const [editingId, setEditingId] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);
  return (
    <InboxDialog
      wide
      title="Saved replies"
      description="Answers the team gives often. Insert one in a reply, then adjust it to the person."
      onClose={onClose}
    >
      {saved.isPending ? <LoadingState label="Loading saved replies…" /> : null}
      {saved.isError ? <ErrorState error={saved.error} onRetry={() => void saved.refetch()} /> : null}
      {saved.isSuccess && saved.data.length === 0 ? (
        <p className="text-sm text-muted">No saved replies yet.{canEdit ? ' Add the first one below.' : ''}</p>
      ) : null}
      <ul className="space-y-2">
        {(saved.data ?? []).map((item) => (
          <li key={item.id} className="rounded-md border border-line p-3">
            {editingId === item.id ? (
              <SavedReplyForm
                initial={{ title: item.title, text: item.text }}
                submitLabel="Save changes"
                isPending={actions.edit.isPending}
                error={actions.edit.error}
                onSubmit={(values) =>
                  actions.edit.mutate({ id: item.id, ...values }, { onSuccess: () => setEditingId(undefined) })
                }
                onCancel={() => {
                  actions.edit.reset();
                  setEditingId(undefined);
                }}
              />
            ) : (
              <SavedReplyRow
                item={item}
                canEdit={canEdit}
                onEdit={() => setEditingId(item.id)}
                onDelete={() => actions.remove.mutate(item.id)}
                isDeleting={actions.remove.isPending && actions.remove.variables === item.id}
              />
            )}
          </li>
        ))}
      </ul>
      <FormAlert error={actions.remove.error} />
      {canEdit ? (
        <div className="mt-4 border-t border-line pt-4">
          <h3 className="mb-2 text-sm font-semibold text-ink">Add a saved reply</h3>
          <SavedReplyForm
            key={formKey}
            initial={{ title: '', text: '' }}
            submitLabel="Add saved reply"
            isPending={actions.add.isPending}
            error={actions.add.error}
            onSubmit={(values) => actions.add.mutate(values, { onSuccess: () => setFormKey((key) => key + 1) })}
          />
        </div>
      ) : null}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </InboxDialog>
  );
}

interface RowProps {
  item: SavedReply;
  canEdit: boolean;
  isDeleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function SavedReplyRow({ item, canEdit, isDeleting, onEdit, onDelete }: RowProps) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div className="min-w-0">
        <p className="text-sm font-medium text-ink">{item.title}</p>
        <p className="mt-1 line-clamp-3 text-sm whitespace-pre-line text-muted">{item.text}</p>
      </div>
      {canEdit ? (
        <div className="flex gap-1">
          <Button variant="ghost" aria-label={`Edit ${item.title}`} onClick={onEdit}>
            Edit
          </Button>
          <Button
            variant="ghost"
            aria-label={`Delete ${item.title}`}
            isPending={isDeleting}
            pendingLabel="Deleting…"
            onClick={onDelete}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </div>
  );
}
