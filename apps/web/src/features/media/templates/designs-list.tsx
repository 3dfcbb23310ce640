import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { designSchema, type Design, type TemplateSummary } from '@plume/contract/media/design-schemas';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { api } from '../../../lib/api.ts';
import { errorMessageOf, fieldErrorsOf } from '../../../lib/field-errors.ts';
import { formatTime, zoneLabel } from '../../../lib/format-time.ts';
import { designPath, designsQueryOptions } from './template-queries.ts';

interface DesignsListProps {
  workspaceId: string;
  timeZone: string;
  templates: readonly TemplateSummary[];
  openId: string | null;
  canEdit: boolean;
  onOpen: (design: Design) => void;
  /** The open design was deleted: the editor keeps its values as a new design. */
  onDeleted: (designId: string) => void;
}

/** Saved designs, newest change first: open one in the editor, rename it, delete it. */
export function DesignsList(props: DesignsListProps) {
  const { workspaceId, timeZone } = props;
  const designs = useQuery(designsQueryOptions(workspaceId));
  return (
    <Card title="Saved designs" description={`Last changed times are in ${zoneLabel(timeZone)}.`}>
      {designs.isPending ? (
        <LoadingState label="Loading designs…" />
      ) : designs.isError ? (
        <ErrorState error={designs.error} onRetry={() => void designs.refetch()} />
      ) : designs.data.length === 0 ? (
        <EmptyState title="No saved designs yet">
          Fill in a template above and choose “Save design” to keep it here and render it again later.
        </EmptyState>
      ) : (
        <ul aria-label="Saved designs" className="divide-y divide-line">
          {designs.data.map((design) => (
            <DesignRow key={design.id} design={design} {...props} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function DesignRow({
  design,
  workspaceId,
  timeZone,
  templates,
  openId,
  canEdit,
  onOpen,
  onDeleted,
}: DesignsListProps & { design: Design }) {
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(design.name);
  const refresh = () => queryClient.invalidateQueries({ queryKey: designsQueryOptions(workspaceId).queryKey });
  const rename = useMutation({
    mutationFn: () => api.patch(designPath(workspaceId, design.id), { name }, designSchema),
    onSuccess: async () => {
      setRenaming(false);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(designPath(workspaceId, design.id)),
    onSuccess: async () => {
      onDeleted(design.id);
      await refresh();
    },
  });
  const templateName = templates.find((template) => template.id === design.templateId)?.name ?? design.templateId;
  const isOpen = openId === design.id;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      {renaming ? (
        <form
          noValidate
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setRenaming(false);
          }}
        >
          <TextField
            label={`New name for ${design.name}`}
            value={name}
            autoFocus
            autoComplete="off"
            maxLength={120}
            error={fieldErrorsOf(rename.error).name ?? (rename.error ? errorMessageOf(rename.error) : undefined)}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" isPending={rename.isPending} pendingLabel="Saving…">
            Save name
          </Button>
          <Button variant="ghost" onClick={() => setRenaming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <div className="min-w-0">
          <p className="truncate font-medium text-ink">
            {design.name}
            {isOpen ? <span className="ml-2 text-xs font-normal text-accent">(open in the editor)</span> : null}
          </p>
          <p className="text-xs text-muted">
            {templateName} · {design.aspectRatio} · {design.renderedMediaIds.length} rendered · changed{' '}
            {formatTime(design.updatedAt, timeZone, { withZone: false })}
          </p>
        </div>
      )}
      {!renaming ? (
        <div className="flex flex-wrap gap-1">
          <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => onOpen(design)}>
            Open<span className="sr-only"> {design.name}</span>
          </Button>
          {canEdit ? (
            <>
              <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={() => setRenaming(true)}>
                Rename<span className="sr-only"> {design.name}</span>
              </Button>
              <Button
                variant="ghost"
                className="px-2.5 py-1 text-xs text-danger"
                isPending={remove.isPending}
                pendingLabel="Deleting…"
                onClick={() => {
                  if (window.confirm(`Delete the design “${design.name}”? Images already in the library stay.`))
                    remove.mutate();
                }}
              >
                Delete<span className="sr-only"> {design.name}</span>
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {remove.error ? <p className="w-full text-sm text-danger">{errorMessageOf(remove.error)}</p> : null}
    </li>
  );
}
