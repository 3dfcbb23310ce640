import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { accountsQueryOptions } from '../accounts/accounts-query.ts';
import { TextAreaField } from '../brand/text-area-field.tsx';
import { dayLabel, daysOfWeek } from './plan-days.ts';
import { FORMAT_OPTIONS } from './brief-formats.ts';
import { useAddBrief } from './plan-queries.ts';

type Props = {
  workspaceId: string;
  planId: string;
  week: string;
  month: string;
  /** Set by a day's "Add a brief" on the board: the form opens on that day, its topic focused. */
  initialDay?: string | null;
};

/** Adds a brief to a day of the week shown, for one account; errors at their fields. */
export function AddBriefForm({ workspaceId, planId, week, month, initialDay = null }: Props) {
  const accounts = useQuery(accountsQueryOptions(workspaceId));
  const add = useAddBrief(workspaceId, planId);
  const days = daysOfWeek(week).filter((day) => day.startsWith(month));
  const [day, setDay] = useState(initialDay ?? days[0] ?? week);
  const [accountId, setAccountId] = useState('');
  const [pillar, setPillar] = useState('');
  const [topic, setTopic] = useState('');
  const [format, setFormat] = useState<string>('educational');
  const [notes, setNotes] = useState('');
  const errors = fieldErrorsOf(add.error);
  const accountOptions = (accounts.data ?? []).map((account) => ({
    value: account.id,
    label: `${account.handle} (${account.network})`,
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        day: days.includes(day) ? day : (days[0] ?? day),
        accountId: accountId || (accountOptions[0]?.value ?? ''),
        pillar,
        topic,
        format,
        ...(notes.trim() ? { notes } : {}),
      },
      {
        onSuccess: () => {
          setTopic('');
          setNotes('');
        },
      },
    );
  };
  if (accounts.isSuccess && accountOptions.length === 0)
    return (
      <Card title="Add a brief">
        <p className="text-sm text-muted">
          Connect an account first (Accounts page): a brief is written for one account.
        </p>
      </Card>
    );
  return (
    <Card title="Add a brief">
      <form onSubmit={submit} className="grid gap-3 md:grid-cols-3" noValidate>
        <SelectField
          label="Day"
          value={days.includes(day) ? day : days[0]}
          onChange={(event) => setDay(event.target.value)}
          options={days.map((value) => ({ value, label: dayLabel(value) }))}
          error={errors['day']}
        />
        <SelectField
          label="Account"
          value={accountId || accountOptions[0]?.value}
          onChange={(event) => setAccountId(event.target.value)}
          options={accountOptions}
          error={errors['accountId']}
        />
        <TextField
          label="Pillar"
          value={pillar}
          onChange={(event) => setPillar(event.target.value)}
          error={errors['pillar']}
        />
        <TextField
          label="Topic"
          className="md:col-span-2"
          autoFocus={initialDay !== null}
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
          error={errors['topic']}
        />
        <SelectField
          label="Format"
          value={format}
          onChange={(event) => setFormat(event.target.value)}
          options={FORMAT_OPTIONS}
          error={errors['format']}
        />
        <TextAreaField
          label="Notes for the writer"
          hint="Optional: an angle, a product, a link; the writer reads them."
          className="md:col-span-3"
          rows={2}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          error={errors['notes']}
        />
        <div className="md:col-span-3">
          <Button type="submit" isPending={add.isPending} pendingLabel="Adding…">
            Add the brief
          </Button>
        </div>
      </form>
      {add.isError && Object.keys(errors).length === 0 ? <FormAlert error={add.error} /> : null}
    </Card>
  );
}
