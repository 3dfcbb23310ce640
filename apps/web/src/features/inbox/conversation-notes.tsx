import { useId, useState, type FormEvent } from 'react';
import type { InboxNote } from '@plume/contract/inbox/inbox-schemas';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';

interface NotesProps {
  notes: readonly InboxNote[];
  meId: string;
  isAdmin: boolean;
  canEdit: boolean;
  timeZone: string;
  add: { mutate: (text: string, options: { onSuccess: () => void }) => void; isPending: boolean; error: unknown };
  remove: { mutate: (noteId: string) => void; isPending: boolean; error: unknown };
}

/** The team's internal notes: never sent to the network. Authors (and admins) delete theirs. */
export function ConversationNotes({ notes, meId, isAdmin, canEdit, timeZone, add, remove }: NotesProps) {
  const fieldId = useId();
  const [text, setText] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const error = ownError ?? fieldErrorsOf(add.error).text;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim().length === 0) return setOwnError('Write the note');
    setOwnError(undefined);
    add.mutate(text.trim(), { onSuccess: () => setText('') });
  }

  return (
    <section aria-labelledby={`${fieldId}-title`} className="space-y-3">
      <h3 id={`${fieldId}-title`} className="text-sm font-semibold text-ink">
        Internal notes
      </h3>
      {notes.length === 0 ? <p className="text-sm text-muted">No notes. Only your team sees them.</p> : null}
      <ul className="space-y-2">
        {notes.map((note) => (
          <li key={note.id} className="rounded-md border border-warning/30 bg-warning-soft p-2 text-sm">
            <p className="text-xs text-muted">
              <span className="font-semibold text-ink">{note.authorName}</span> · {formatTime(note.createdAt, timeZone)}
            </p>
            <p className="mt-1 whitespace-pre-line text-ink">{note.text}</p>
            {canEdit && (note.authorId === meId || isAdmin) ? (
              <Button
                variant="ghost"
                className="mt-1 px-2 py-1 text-xs"
                disabled={remove.isPending}
                aria-label={`Delete note by ${note.authorName}`}
                onClick={() => remove.mutate(note.id)}
              >
                Delete
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {remove.error ? <FormAlert error={remove.error} /> : null}
      {canEdit ? (
        <form noValidate onSubmit={handleSubmit} className="space-y-2">
          <label htmlFor={fieldId} className="block text-sm font-medium text-ink">
            Add a note
          </label>
          <textarea
            id={fieldId}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            className={fieldClasses(Boolean(error))}
          />
          {error ? (
            <p id={`${fieldId}-error`} className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          {add.error && !fieldErrorsOf(add.error).text ? <FormAlert error={add.error} /> : null}
          <Button type="submit" variant="secondary" isPending={add.isPending} pendingLabel="Adding…">
            Add note
          </Button>
        </form>
      ) : null}
    </section>
  );
}
