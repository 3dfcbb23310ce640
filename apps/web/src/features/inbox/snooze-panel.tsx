import { useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { zoneLabel } from '../../lib/format-time.ts';
import { zonedInputToIso } from '../posts/schedule-time.ts';
import { snoozeChoices } from './inbox-time.ts';

interface SnoozePanelProps {
  timeZone: string;
  error: unknown;
  isPending: boolean;
  onSnooze: (until: string) => void;
  onCancel: () => void;
}

/** "Snooze until…": the usual choices, or a date and time on the workspace's clock. */
export function SnoozePanel({ timeZone, error, isPending, onSnooze, onCancel }: SnoozePanelProps) {
  const [value, setValue] = useState('');
  const [ownError, setOwnError] = useState<string | undefined>();
  const choices = snoozeChoices(new Date(), timeZone);
  const serverError = fieldErrorsOf(error).snoozedUntil;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const iso = zonedInputToIso(value, timeZone);
    if (iso === null) return setOwnError('Choose a date and a time.');
    if (new Date(iso).getTime() <= Date.now()) return setOwnError('Choose a time in the future.');
    setOwnError(undefined);
    onSnooze(new Date(iso).toISOString());
  }

  return (
    <div role="group" aria-label="Snooze until" className="rounded-md border border-line bg-subtle p-3">
      <p className="text-sm font-medium text-ink">Snooze until…</p>
      <div className="mt-2 flex flex-wrap gap-2">
        {choices.map((choice) => (
          <Button key={choice.id} variant="secondary" disabled={isPending} onClick={() => onSnooze(choice.until)}>
            {choice.label}
          </Button>
        ))}
      </div>
      <form noValidate onSubmit={handleSubmit} className="mt-3 flex flex-wrap items-end gap-2">
        <TextField
          label={`Date and time (${zoneLabel(timeZone)})`}
          type="datetime-local"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={ownError ?? serverError}
        />
        <Button type="submit" isPending={isPending} pendingLabel="Snoozing…">
          Snooze
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </form>
    </div>
  );
}
