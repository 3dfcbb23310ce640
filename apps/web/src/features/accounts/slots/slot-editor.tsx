import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../components/button.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { FormAlert } from '../../../components/form-alert.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { addSlots, groupByWeekday, removeSlot, sameSlots, WEEKDAY_NAMES, type PostingSlot } from './slot-list.ts';
import { SlotAddForm } from './slot-add-form.tsx';
import { saveSlots, slotsQueryOptions } from './slots-query.ts';

interface SlotEditorProps {
  workspaceId: string;
  accountId: string;
  /** Names the account in accessible labels, e.g. "Mastodon @plume". */
  label: string;
  canEdit: boolean;
}

function SlotDays({
  slots,
  label,
  canEdit,
  onRemove,
}: {
  slots: PostingSlot[];
  label: string;
  canEdit: boolean;
  onRemove: (slot: PostingSlot) => void;
}) {
  if (slots.length === 0)
    return <p className="text-sm text-muted">No posting times yet. “Next free slot” needs at least one.</p>;
  return (
    <ul className="space-y-2" aria-label={`Posting times of ${label}`}>
      {groupByWeekday(slots).map((day) => (
        <li key={day.weekday} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="w-24 font-medium text-ink">{day.name}</span>
          {day.times.map((time) => (
            <span
              key={time}
              className="inline-flex items-center gap-1 rounded-full border border-line bg-subtle px-2 py-0.5 text-ink"
            >
              {time}
              {canEdit ? (
                <button
                  type="button"
                  className="rounded-full px-1 text-muted hover:text-danger"
                  onClick={() => onRemove({ weekday: day.weekday, time })}
                  aria-label={`Remove ${day.name} ${time}`}
                >
                  ×
                </button>
              ) : null}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** Edits one account's weekly posting times; nothing is stored until "Save posting times". */
export function SlotEditor({ workspaceId, accountId, label, canEdit }: SlotEditorProps) {
  const queryClient = useQueryClient();
  const query = useQuery(slotsQueryOptions(workspaceId, accountId));
  // Unsaved changes; undefined means "what the server has".
  const [draft, setDraft] = useState<PostingSlot[]>();
  const save = useMutation({
    mutationFn: (slots: PostingSlot[]) => saveSlots(workspaceId, accountId, slots),
    onSuccess: (saved) => {
      queryClient.setQueryData(slotsQueryOptions(workspaceId, accountId).queryKey, saved);
      setDraft(undefined);
    },
  });
  // A refused slot is named as the person sees it ("Monday 09:00"), not by its place in the request.
  const slotLabel = (path: string) => {
    const slot = save.variables?.[Number(/^slots\/(\d+)/.exec(path)?.[1] ?? -1)];
    return slot === undefined ? undefined : `${WEEKDAY_NAMES[slot.weekday] ?? ''} ${slot.time}`;
  };
  if (query.isPending) return <LoadingState label="Loading posting times…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const slots = draft ?? query.data.slots;
  const changed = !sameSlots(slots, query.data.slots);
  const edit = (next: PostingSlot[]) => {
    save.reset();
    setDraft(next);
  };
  return (
    <div className="space-y-3">
      <FormAlert error={save.error} labels={slotLabel} />
      <SlotDays slots={slots} label={label} canEdit={canEdit} onRemove={(slot) => edit(removeSlot(slots, slot))} />
      {canEdit ? (
        <>
          <SlotAddForm label={label} onAdd={(choice, time) => edit(addSlots(slots, choice, time))} />
          <div className="flex items-center gap-3">
            <Button
              onClick={() => save.mutate(slots)}
              disabled={!changed}
              isPending={save.isPending}
              pendingLabel="Saving…"
            >
              Save posting times<span className="sr-only"> for {label}</span>
            </Button>
            {changed ? (
              <Button variant="secondary" onClick={() => edit(query.data.slots)}>
                Undo changes
              </Button>
            ) : null}
            {save.isSuccess && !changed ? (
              <span role="status" className="text-sm text-success">
                Saved.
              </span>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
